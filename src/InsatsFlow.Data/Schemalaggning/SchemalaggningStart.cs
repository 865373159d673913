using InsatsFlow.Core.Schemalaggning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace InsatsFlow.Data.Schemalaggning;

/// <summary>
/// At start-up: puts the yearly calendar's cron triggers and the deadline watch's trigger into Quartz (replacing
/// what an earlier configuration left), then catches up every yearly firing of the last
/// <see cref="Arskalender.Efterhandsfonster"/> (each does nothing if it was done before the downtime).
/// </summary>
public sealed class SchemalaggningStart(
    IServiceScopeFactory scopes, ISchedulerFactory fabrik, Arskalender kalender, FristpolicyOptions policy, TimeProvider tid,
    ILogger<SchemalaggningStart> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await SchemalaggAsync(cancellationToken);
        var gjort = await KomIkappAsync(cancellationToken);
        log.LogInformation("Årskalendern: {Antal} händelser schemalagda, {Ikapp} åtgärder ikapp efter driftstopp", kalender.Cron.Count, gjort);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task SchemalaggAsync(CancellationToken ct)
    {
        var scheduler = await fabrik.GetScheduler(ct);
        var gamla = await scheduler.GetTriggersOfJob(ArshandelseJobb.Nyckel, ct);
        foreach (var gammal in gamla) await scheduler.UnscheduleJob(gammal.Key, ct);
        var jobb = JobBuilder.Create<ArshandelseJobb>().WithIdentity(ArshandelseJobb.Nyckel).StoreDurably().Build();
        await scheduler.AddJob(jobb, AddJobOptions.Replacing, ct);
        foreach (var handelse in kalender.Cron.Keys)
            await scheduler.ScheduleTrigger(kalender.Trigger(handelse, ArshandelseJobb.Nyckel, tid), TriggerConflict.Replace, ct);

        var bevakning = JobBuilder.Create<FristbevakningJobb>().WithIdentity(FristbevakningJobb.Nyckel).StoreDurably().Build();
        await scheduler.AddJob(bevakning, AddJobOptions.Replacing, ct);
        if (policy.Aktiv)
            await scheduler.ScheduleTrigger(TriggerBuilder.Create(tid).WithIdentity("fristbevakning", "insatsflow").ForJob(FristbevakningJobb.Nyckel)
                .StartNow().WithSimpleSchedule(s => s.WithInterval(policy.SvepIntervall).RepeatForever()).Build(), TriggerConflict.Replace, ct);
    }

    /// <summary>Runs every yearly firing of the catch-up window; returns how many things were done (new).</summary>
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
