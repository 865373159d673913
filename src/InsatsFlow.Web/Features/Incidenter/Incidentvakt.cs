using InsatsFlow.Core.Incidenter;

namespace InsatsFlow.Web.Features.Incidenter;

/// <summary>
/// Finds incidents that no user was there to see (raised by a timer, a message or a job) and tells the kansli.
/// A user's own step tells the kansli at once (<see cref="Core.Livscykel.Uppgiftsslutforande"/>); the outbox's
/// deduplication key keeps each incident to one notification. The interval is InsatsFlow:Incidenter:Bevakningsintervall.
/// </summary>
public sealed class Incidentvakt(IServiceScopeFactory scopes, IConfiguration config, TimeProvider tid, ILogger<Incidentvakt> logg) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var intervall = config.GetValue("InsatsFlow:Incidenter:Bevakningsintervall", TimeSpan.FromMinutes(1));
        if (intervall <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(intervall, tid);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<Incidentavisering>().NotifieraOppnaAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logg.LogWarning(e, "Incidentbevakningen misslyckades; försöker igen om {Intervall}.", intervall);
            }
        }
    }
}
