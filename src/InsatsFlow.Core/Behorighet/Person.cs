using InsatsFlow.Engine;

namespace InsatsFlow.Core.Behorighet;

/// <summary>
/// The signed-in person as behörighet sees them: user id (the e-post of the account), roles, and the member party
/// they represent. Their engine groups are the roles, plus "medlem:&lt;id&gt;" for a beredningsgrupp member. A machine client is a person too, with
/// the roles of its scopes (<see cref="Behorighet.Omfang"/>); its <see cref="Omfang"/> is null for a person.
/// The roles are those of the active förbund (<see cref="ForbundId"/>), chosen at sign-in; null only for the installation's own work.
/// <see cref="Forbundschef"/> marks the kansli's head, who may set the förbund's own parameters.
/// </summary>
public sealed record Person(string Anvandare, IReadOnlyCollection<string> Roller, Guid? MedlemId = null, string? Epost = null,
    IReadOnlyCollection<string>? Omfang = null, Guid? ForbundId = null, bool Forbundschef = false)
{
    /// <summary>Whether this förbund's data is this person's to see (the active förbund; the installation sees all).</summary>
    public bool IForbund(Guid forbundId) => ForbundId is null || ForbundId == forbundId;

    /// <summary>Whether an engine record of this tenant is this person's (the installation sees all).</summary>
    public bool ITenant(string? tenantId) => ForbundId is not { } f || tenantId == AktivtForbund.Tenant(f);

    public bool ArMaskinklient => Omfang is not null;

    /// <summary>A person may do what their roles allow; a machine client only what its scopes also allow.</summary>
    public bool HarOmfang(string omfang) => Omfang is null || Omfang.Contains(omfang);

    public const string Medlemsprefix = "medlem:";

    public static string Medlemsgrupp(Guid medlemId) => Medlemsprefix + medlemId;

    public bool Har(string roll) => Roller.Contains(roll);

    public bool HarNagon(params string[] roller) => roller.Any(Har);

    /// <summary>
    /// The roles, plus the medlem's group for a beredningsgrupp member: a medlem's yttrande belongs to its representative
    /// in the beredningsgrupp, not to a styrelse ledamot who sits for the same medlem.
    /// </summary>
    public IReadOnlyCollection<string> Grupper => MedlemId is { } m && Har(Behorighet.Roller.Beredningsgrupp) ? [.. Roller, Medlemsgrupp(m)] : Roller;

    public TaskActor Aktor => new(Anvandare, Grupper);

    /// <summary>The addresses a kontaktperson or a candidate user may be written as.</summary>
    public IEnumerable<string> Adresser => Epost is { Length: > 0 } e && !string.Equals(e, Anvandare, StringComparison.OrdinalIgnoreCase) ? [Anvandare, e] : [Anvandare];
}
