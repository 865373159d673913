namespace InsatsFlow.Core.Notifieringar;

/// <summary>
/// Queues notifications. The row is added to the caller's scoped DbContext and committed by the caller's
/// SaveChanges — so a reminder queued by a service task or an escalation exists exactly when the engine's
/// step committed. The outbox never saves on its own.
/// </summary>
public interface INotificationOutbox
{
    /// <returns>The queued row, or the already queued one when <see cref="NyNotifiering.Dedupliceringsnyckel"/> was seen before.</returns>
    Task<Notifiering> KoaAsync(NyNotifiering notifiering, CancellationToken cancellationToken = default);
}
