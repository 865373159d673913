using System.Security.Claims;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Data;
using InsatsFlow.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InsatsFlow.Web.Identity;

/// <summary>
/// Adds the name people recognise, the member party they represent and the active förbund to the sign-in cookie.
/// The roles are those the user has in the active förbund (<see cref="Forbundsroll"/>): the last one chosen, or the
/// first by name. The cookie is made again from here when the security stamp is checked, so it keeps the choice.
/// </summary>
public sealed class AnvandareClaimsFactory(UserManager<Anvandare> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, InsatsFlowDbContext db)
    : UserClaimsPrincipalFactory<Anvandare, IdentityRole>(users, roles, options)
{
    public const string Namn = "namn";
    public const string Medlem = "medlem";
    public const string Forbundschef = "forbundschef";
    public const string Forbund = "forbund";
    public const string Forbundsnamn = "forbundsnamn";
    /// <summary>Present when the user belongs to more than one förbund: the header offers to change.</summary>
    public const string FleraForbund = "flera-forbund";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Anvandare user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Namn, user.Namn));
        if (user.ArForbundschef) identity.AddClaim(new Claim(Forbundschef, "true"));

        var medlemskap = await Medlemskap.AvAsync(db, user.Id);
        // the account's roles are the union over its förbund; the cookie carries only the active förbund's
        var installation = identity.HasClaim(identity.RoleClaimType, Roller.Installation);
        foreach (var roll in identity.FindAll(identity.RoleClaimType).ToList()) identity.RemoveClaim(roll);
        // the installation's admin is that above every förbund, whichever is active
        if (installation) identity.AddClaim(new Claim(identity.RoleClaimType, Roller.Installation));
        if (Medlemskap.Aktivt(medlemskap, user.AktivtForbundId) is not { } aktivt) return identity;
        identity.AddClaim(new Claim(Forbund, aktivt.ForbundId.ToString()));
        identity.AddClaim(new Claim(Forbundsnamn, aktivt.Namn));
        if (medlemskap.Count > 1) identity.AddClaim(new Claim(FleraForbund, "true"));
        foreach (var roll in aktivt.Roller) identity.AddClaim(new Claim(identity.RoleClaimType, roll));
        // a medlem belongs to one förbund: the member party is named only there
        if (user.MedlemId is { } medlem && await db.Medlemmar.IgnoreQueryFilters().AnyAsync(m => m.Id == medlem && m.ForbundId == aktivt.ForbundId))
            identity.AddClaim(new Claim(Medlem, medlem.ToString()));
        return identity;
    }
}

/// <summary>One förbund a user belongs to, with their roles there.</summary>
public sealed record Medlemskap(Guid ForbundId, string Namn, IReadOnlyList<string> Roller)
{
    public static async Task<IReadOnlyList<Medlemskap>> AvAsync(InsatsFlowDbContext db, string anvandareId, CancellationToken ct = default)
    {
        var rader = await db.Forbundsroller.AsNoTracking().Where(r => r.AnvandareId == anvandareId)
            .Join(db.Forbund.IgnoreQueryFilters(), r => r.ForbundId, f => f.Id, (r, f) => new { r.ForbundId, f.Namn, r.Roll })
            .ToListAsync(ct);
        return [.. rader.GroupBy(r => (r.ForbundId, r.Namn)).OrderBy(g => g.Key.Namn, StringComparer.Ordinal)
            .Select(g => new Medlemskap(g.Key.ForbundId, g.Key.Namn, [.. g.Select(r => r.Roll).Order(StringComparer.Ordinal)]))];
    }

    public static Medlemskap? Aktivt(IReadOnlyList<Medlemskap> medlemskap, Guid? valt) =>
        medlemskap.FirstOrDefault(m => m.ForbundId == valt) ?? medlemskap.FirstOrDefault();
}
