using InsatsFlow.Core.Schemalaggning;
using InsatsFlow.Data.Jobs;
using InsatsFlow.Engine.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace InsatsFlow.Data.Schemalaggning;

/// <summary>
/// At start-up: puts the yearly calendar's cron triggers into Quartz (replacing what an earlier configuration left),
/// the periodic jobs into the job table, and one catch-up job for yearly firings missed while the service was down.
/// Nothing here waits for a backlog: the job executor works it off once the host runs.
/// </summary>
public sealed class SchemalaggningStart(
    IServiceScopeFactory scopes, ISchedulerFactory fabrik, Arskalender kalender, TimeProvider tid, ILogger<SchemalaggningStart> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await SchemalaggAsync(cancellationToken);
        await LaggInJobbAsync(scopes, tid, cancellationToken);
        log.LogInformation("Årskalendern: {Antal} händelser schemalagda", kalender.Cron.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task SchemalaggAsync(CancellationToken ct)
    {
        var scheduler = await fabrik.GetScheduler(ct);
        // triggers of the earlier mechanisms (one per engine timer, the sweeps) go with the calendar's old ones
        foreach (var gammal in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup(), ct))
            await scheduler.UnscheduleJob(gammal, ct);
        var jobb = JobBuilder.Create<ArshandelseJobb>().WithIdentity(ArshandelseJobb.Nyckel).StoreDurably().Build();
        await scheduler.AddJob(jobb, AddJobOptions.Replacing, ct);
        foreach (var handelse in kalender.Cron.Keys)
            await scheduler.ScheduleTrigger(kalender.Trigger(handelse, ArshandelseJobb.Nyckel, tid), TriggerConflict.Replace, ct);
    }

    /// <summary>The periodic jobs and the yearly catch-up, each once (a pending one is not added again).</summary>
    public static async Task LaggInJobbAsync(IServiceScopeFactory scopes, TimeProvider tid, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var jobb = scope.ServiceProvider.GetRequiredService<IJobStore>();
        var nu = tid.GetUtcNow();
        await jobb.EnsureAsync(Job.Create(IdempotencyPurgeJobs.KindName, null, nu, nu, key: IdempotencyPurgeJobs.KindName), ct);
        await jobb.EnsureAsync(Job.Create(ArskalenderIkappJobb.Jobbtyp, null, nu, nu, key: ArskalenderIkappJobb.Jobbtyp), ct);
    }
}

/// <summary>Runs every yearly firing of <see cref="Arskalender.Efterhandsfonster"/> (each does nothing if it was done before the downtime).</summary>
public sealed class ArskalenderIkappJobb(IServiceScopeFactory scopes, Arskalender kalender, TimeProvider tid) : IJobHandler
{
    public const string Jobbtyp = "arskalender-ikapp";
    public string Kind => Jobbtyp;

    public async Task<JobResult> RunAsync(Job job, CancellationToken ct) => new(await KomIkappAsync(ct) > 0);

    /// <summary>Returns how many things were done (new).</summary>
    public async Task<int> KomIkappAsync(CancellationToken ct)
    {
        var nu = tid.GetUtcNow();
        var gjort = 0;
        foreach (var handelse in kalender.Cron.Keys)
            foreach (var tidpunkt in kalender.Tidpunkter(handelse, nu - kalender.Efterhandsfonster, nu))
            {
                using var scope = scopes.CreateScope();
                gjort += (await scope.ServiceProvider.GetRequiredService<Arshandelser>().UtforAsync(handelse, tidpunkt, ct)).Count;
            }
        return gjort;
    }
}
