using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Engine.Jobs;

namespace InsatsFlow.Data.Notifieringar;

/// <summary>
/// The outbox as a periodic job of the job executor: each run hands the due rows to the dispatcher (which reserves
/// each row, sends it and marks it; a failed row keeps its attempts, error and next attempt), then falls due again
/// after <see cref="UtskicksOptions.Intervall"/>.
/// </summary>
public sealed class UtskicksJobb(NotifieringsDispatcher dispatcher, UtskicksOptions options, TimeProvider tid) : IJobHandler
{
    public const string Jobbtyp = "utskick";
    public string Kind => Jobbtyp;

    public async Task<JobResult> RunAsync(Job job, CancellationToken ct)
    {
        var resultat = await dispatcher.SkickaForfallnaAsync(ct);
        return new JobResult(resultat.Levererade > 0, tid.GetUtcNow() + options.Intervall);
    }
}
