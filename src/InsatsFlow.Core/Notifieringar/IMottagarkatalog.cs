namespace InsatsFlow.Core.Notifieringar;

/// <summary>
/// Turns a user or group into e-mail addresses. The host supplies one backed by its users and roles; the
/// default (<see cref="EpostIdMottagarkatalog"/>) knows only user ids that are themselves addresses.
/// </summary>
public interface IMottagarkatalog
{
    Task<IReadOnlyList<Epostadress>> SlaUppAsync(Mottagare mottagare, CancellationToken cancellationToken);
}

public sealed class EpostIdMottagarkatalog : IMottagarkatalog
{
    public Task<IReadOnlyList<Epostadress>> SlaUppAsync(Mottagare mottagare, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Epostadress>>(
            mottagare.Typ == Mottagartyp.Anvandare && mottagare.Id.Contains('@')
                ? [new Epostadress(mottagare.Id, mottagare.Id)]
                : []);
}
