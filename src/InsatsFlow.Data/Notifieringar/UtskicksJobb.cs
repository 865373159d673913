using InsatsFlow.Engine.Jobs;

namespace InsatsFlow.Data.Notifieringar;

/// <summary>
/// One outbox row's delivery as a job of the job executor (planned with the row, in the same commit, by
/// <see cref="NotificationOutbox"/>): the executor's lease, attempts and backoff decide when it is tried, and after
/// the last attempt the row is marked failed (<see cref="NotifieringsDispatcher.GeUppAsync"/>).
/// </summary>
public sealed class UtskicksJobb(NotifieringsDispatcher dispatcher) : IJobHandler
{
    public const string Jobbtyp = "utskick";
    public string Kind => Jobbtyp;

    public static Job For(Guid notifiering, DateTimeOffset forfaller, DateTimeOffset nu) =>
        Job.Create(Jobbtyp, notifiering.ToString(), forfaller, nu, key: $"{Jobbtyp}:{notifiering}");

    public async Task<JobResult> RunAsync(Job job, CancellationToken ct) =>
        Guid.TryParse(job.Target, out var id) && await dispatcher.SkickaAsync(id, job.Attempts, ct) ? JobResult.Done : JobResult.Nothing;

    public Task GiveUpAsync(Job job, string error, CancellationToken ct) =>
        Guid.TryParse(job.Target, out var id) ? dispatcher.GeUppAsync(id, error, ct) : Task.CompletedTask;
}
