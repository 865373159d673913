using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace InsatsFlow.Data.Notifieringar;

/// <summary>Quartz job that runs the dispatcher once in its own scope. Schedule it every 30 s or so.</summary>
[DisallowConcurrentExecution]
public sealed class SkickaNotifieringarJobb(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Nyckel = new("skicka-notifieringar", "insatsflow");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NotifieringsDispatcher>().SkickaForfallnaAsync(cancellationToken);
    }
}
