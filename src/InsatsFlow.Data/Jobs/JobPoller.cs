using InsatsFlow.Engine.Jobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InsatsFlow.Data.Jobs;

/// <summary>
/// The host's poller: runs the job executor every <see cref="JobOptions.PollInterval"/>. It starts in the background,
/// so the host serves requests at once while a backlog (jobs that fell due while it was down) is worked off.
/// </summary>
public sealed class JobPoller(JobExecutor executor, TimeProvider time, ILogger<JobPoller> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var run = await executor.RunDueAsync(stoppingToken);
                foreach (var f in run.Failures)
                    log.LogWarning("Jobbet {Id} ({Kind} {Target}) misslyckades, försök {Forsok}{Slut}: {Fel}",
                        f.JobId, f.Kind, f.Target, f.Attempt, f.GaveUp ? "; inga fler försök" : "", f.Error);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // the table could not be read (database busy, gone for a moment): try again next round
                log.LogError(e, "Jobbexekveraren kunde inte hämta jobb");
            }
            try
            {
                await Task.Delay(executor.Options.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

