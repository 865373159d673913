namespace InsatsFlow.Core.Handelser;

/// <summary>Posts one signed webhook body to a receiver (the host's HTTP client); the status code, or an exception when no answer came.</summary>
public interface IWebhooksandare
{
    Task<int> PostaAsync(Uri url, IReadOnlyList<KeyValuePair<string, string>> rubriker, string kropp, CancellationToken ct);
}

/// <summary>Events a command raises by itself (the others are seen in what the command writes); added to the caller's
/// unit of work and committed by its SaveChanges, like the notification outbox.</summary>
public interface IHandelseutkorg
{
    Task LaggAsync(NyHandelse handelse, CancellationToken ct = default);

    /// <summary><see cref="Handelsetyp.TidsfristPasserad"/> for a task, in the förbund of its ärende.</summary>
    Task TidsfristPasseradAsync(Engine.Store.TaskItem uppgift, DateTimeOffset frist, CancellationToken ct = default);
}
