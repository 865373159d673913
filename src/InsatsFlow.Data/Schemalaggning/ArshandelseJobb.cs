using InsatsFlow.Core.Schemalaggning;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace InsatsFlow.Data.Schemalaggning;

/// <summary>Runs one yearly event (named in the trigger's data) for the firing's scheduled time.</summary>
[DisallowConcurrentExecution]
public sealed class ArshandelseJobb(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Nyckel = new("arshandelse", "insatsflow-arskalender");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<Arshandelse>(context.MergedJobDataMap.GetString(Arskalender.ArshandelseData), out var handelse)) return;
        using var scope = scopes.CreateScope();
        // the scheduled time, not now: a firing caught up after downtime belongs to the day it was meant for
        var tidpunkt = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        await scope.ServiceProvider.GetRequiredService<Arshandelser>().UtforAsync(handelse, tidpunkt, cancellationToken);
    }
}
