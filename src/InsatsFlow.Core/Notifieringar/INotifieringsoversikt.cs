namespace InsatsFlow.Core.Notifieringar;

/// <summary>Reads of the outbox for pages: a user's inbox and the queue an administrator watches.</summary>
public interface INotifieringsoversikt
{
    /// <summary>Notifications to any of <paramref name="mottagare"/> (a user and the groups they belong to), newest first.</summary>
    Task<IReadOnlyList<Notifiering>> ForMottagareAsync(IReadOnlyCollection<Mottagare> mottagare, int max = 50, CancellationToken cancellationToken = default);

    /// <summary>Still queued, oldest due first; the ones that have failed carry their attempts and last error.</summary>
    Task<IReadOnlyList<Notifiering>> KoadeAsync(int max = 100, CancellationToken cancellationToken = default);
}
