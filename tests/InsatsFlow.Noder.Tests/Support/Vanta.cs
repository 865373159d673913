namespace InsatsFlow.Noder.Tests.Support;

/// <summary>Waiting for a condition that other threads (the nodes' pollers) make true, with a time limit and no fixed sleeps.</summary>
public static class Vanta
{
    public static async Task TillsAsync(Func<Task<bool>> villkor, TimeSpan granss, string vad)
    {
        using var timeout = new CancellationTokenSource(granss);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!await villkor())
        {
            try { await tick.WaitForNextTickAsync(timeout.Token); }
            catch (OperationCanceledException) { throw new TimeoutException($"Inom {granss}: {vad}"); }
        }
    }

    public static Task TillsAsync(Func<bool> villkor, TimeSpan granss, string vad) => TillsAsync(() => Task.FromResult(villkor()), granss, vad);
}
