namespace InsatsFlow.Core.Notifieringar;

/// <summary>
/// Turns a user or group into e-mail addresses. The host supplies one backed by its users and roles; the
/// default (<see cref="EpostIdMottagarkatalog"/>) knows only user ids that are themselves addresses.
/// </summary>
public interface IMottagarkatalog
{
    /// <param name="forbundId">The notification's förbund: a group or role means its people there only. Null: no förbund named.</param>
    Task<IReadOnlyList<Epostadress>> SlaUppAsync(Mottagare mottagare, Guid? forbundId, CancellationToken cancellationToken);
}

public sealed class EpostIdMottagarkatalog : IMottagarkatalog
{
    public Task<IReadOnlyList<Epostadress>> SlaUppAsync(Mottagare mottagare, Guid? forbundId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Epostadress>>(
            mottagare.Typ == Mottagartyp.Anvandare && mottagare.Id.Contains('@')
                ? [new Epostadress(mottagare.Id, mottagare.Id)]
                : []);
}
