using InsatsFlow.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InsatsFlow.Data.Engine;

/// <summary>
/// Purges expired idempotency records once an hour (<see cref="ProcessEngine.PurgeExpiredIdempotencyAsync"/>), until the
/// job executor takes the purge over as one of its periodic jobs.
/// </summary>
public sealed class IdempotencyPurge(IServiceScopeFactory scopes, TimeProvider time, ILogger<IdempotencyPurge> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var purged = await scope.ServiceProvider.GetRequiredService<ProcessEngine>().PurgeExpiredIdempotencyAsync(stoppingToken);
                if (purged > 0) log.LogInformation("{Antal} utgångna idempotensnycklar rensades", purged);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Rensningen av idempotensnycklar misslyckades; nästa försök om en timme");
            }
        }
    }
}
