namespace InsatsFlow.Core.Behorighet;

/// <summary>
/// The förbund whose data this piece of work sees: the signed-in person's active förbund on a request. Null means
/// the installation itself (start-up, the job executor, yearly events, the outbox): those run over every förbund and
/// keep each one's data apart by the ids they carry. A signed-in caller without a förbund gets <see cref="Ingen"/>, which
/// matches nothing.
/// </summary>
public interface IAktivtForbund
{
    Guid? ForbundId { get; }
}

/// <summary>The installation's own work: no förbund, nothing filtered.</summary>
public sealed class Installationen : IAktivtForbund
{
    public static readonly Installationen Instans = new();

    public Guid? ForbundId => null;
}

/// <summary>A fixed förbund: a command or a test that acts for one förbund outside a request.</summary>
public sealed class FastForbund(Guid forbundId) : IAktivtForbund
{
    public Guid? ForbundId => forbundId;
}

public static class AktivtForbund
{
    /// <summary>The id of no förbund: a signed-in caller who belongs to none sees nothing.</summary>
    public static readonly Guid Ingen = Guid.Empty;

    /// <summary>The engine's tenant id of a förbund (the process variable "forbundId" carries the same text).</summary>
    public static string Tenant(Guid forbundId) => forbundId.ToString();
}
