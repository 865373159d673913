using InsatsFlow.Engine.Store;

namespace InsatsFlow.Engine.Jobs;

/// <summary>A scope for one job (or one claim): its services, disposed after.</summary>
public sealed class JobScope(IServiceProvider services, IAsyncDisposable lifetime) : IAsyncDisposable
{
    public IServiceProvider Services => services;

    public IJobStore Store => (IJobStore?)services.GetService(typeof(IJobStore))
        ?? throw new InvalidOperationException("Ingen IJobStore är registrerad.");

    /// <summary>Only the handler of this kind is built (another's missing dependency does not stop this one).</summary>
    public IJobHandler? Handler(string kind) =>
        ((IEnumerable<JobHandlerType>?)services.GetService(typeof(IEnumerable<JobHandlerType>)) ?? []).LastOrDefault(h => h.Kind == kind) is { } t
            ? (IJobHandler?)services.GetService(t.Type)
            : null;

    public ValueTask DisposeAsync() => lifetime.DisposeAsync();
}

/// <summary>Which type runs the jobs of a kind (registered with AddJobHandler).</summary>
public sealed record JobHandlerType(string Kind, Type Type);

/// <summary>One job that threw: <paramref name="GaveUp"/> when it will not be retried.</summary>
public sealed record JobFailure(string JobId, string Kind, string? Target, int Attempt, string Error, bool GaveUp);

/// <summary>What one <see cref="JobExecutor.RunDueAsync"/> did.</summary>
public sealed class JobRun
{
    private readonly Dictionary<string, int> acted = [];
    public int Ran { get; private set; }
    public List<JobFailure> Failures { get; } = [];

    /// <summary>Jobs of <paramref name="kind"/> that did something (a timer fired, a reminder was queued).</summary>
    public int Acted(string kind) => acted.GetValueOrDefault(kind);

    internal void Add(string kind, bool didSomething)
    {
        Ran++;
        if (didSomething) acted[kind] = acted.GetValueOrDefault(kind) + 1;
    }
}

/// <summary>
/// The job executor (Camunda's idea: one table, lock owner, lock expiry). Each run claims bounded batches of due jobs
/// for this executor's <see cref="Owner"/>, runs each in its own scope — its own command — and then completes it, or
/// counts the failure and makes it due again after a backoff. A job that keeps failing stays failed and is handed to
/// its handler's <see cref="IJobHandler.GiveUpAsync"/>; the others go on. Any number of executors may share the table.
/// </summary>
public sealed class JobExecutor(Func<JobScope> openScope, JobOptions options, TimeProvider time, string? owner = null)
{
    private readonly SemaphoreSlim oneRunAtATime = new(1, 1);

    public string Owner { get; } = owner ?? OwnerFor(null);

    /// <summary>A lease owner unique to this process: the node's name (the machine's when none is set), the process id, a random suffix.</summary>
    public static string OwnerFor(string? node) =>
        $"{(string.IsNullOrWhiteSpace(node) ? Environment.MachineName : node)}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
    public JobOptions Options => options;

    /// <summary>Runs every job due by now (including jobs that falling due made due, such as a cycle's next firing),
    /// up to <paramref name="maxBatches"/> claims.</summary>
    public async Task<JobRun> RunDueAsync(CancellationToken ct = default, int maxBatches = 1000)
    {
        await oneRunAtATime.WaitAsync(ct);
        try
        {
            var run = new JobRun();
            for (var batch = 0; batch < maxBatches; batch++)
            {
                IReadOnlyList<Job> claimed;
                await using (var scope = openScope())
                    claimed = await scope.Store.ClaimAsync(Owner, time.GetUtcNow(), options.BatchSize, options.Lease, ct);
                if (claimed.Count == 0) break;
                for (var i = 0; i < claimed.Count; i++)
                {
                    try
                    {
                        ct.ThrowIfCancellationRequested();
                        await RunOneAsync(claimed[i], run, ct);
                    }
                    catch (OperationCanceledException) when (ct.IsCancellationRequested)
                    {
                        // shutting down: the job that was cut off and those not started go back at once, not after the lease
                        await using var scope = openScope();
                        await scope.Store.ReleaseAsync(claimed.Skip(i).Select(j => j.Id).ToList(), Owner, CancellationToken.None);
                        throw;
                    }
                }
            }
            return run;
        }
        finally
        {
            oneRunAtATime.Release();
        }
    }

    private async Task RunOneAsync(Job job, JobRun run, CancellationToken ct)
    {
        if (job.LockExpiresAt is { } until && until - time.GetUtcNow() < options.Lease / 2)
        {
            // a long batch: keep the lease, or leave the job to whoever took it over
            await using var scope = openScope();
            if (!await scope.Store.RenewAsync(job.Id, Owner, time.GetUtcNow() + options.Lease, ct)) return;
        }
        try
        {
            JobResult result;
            await using (var scope = openScope())
            {
                var handler = scope.Handler(job.Kind) ?? throw new EngineException($"Ingen hanterare för jobb av typen {job.Kind}.");
                result = await handler.RunAsync(job, ct);
                // not the caller's token: the outcome of a job that ran must be recorded
                await scope.Store.CompleteAsync(job.Id, Owner, time.GetUtcNow(), result.Next, CancellationToken.None);
            }
            run.Add(job.Kind, result.Acted);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw; // shutting down mid-job: RunDueAsync gives it back, to run again (its handler is idempotent)
        }
        catch (Exception e)
        {
            await FailAsync(job, e, run, ct);
        }
    }

    private async Task FailAsync(Job job, Exception e, JobRun run, CancellationToken ct)
    {
        var attempt = job.Attempts + 1;
        var error = e is EngineException ? e.Message : $"{e.GetType().Name}: {e.Message}";
        if (error.Length > 2000) error = error[..2000];
        var gaveUp = attempt >= options.MaxAttempts;
        DateTimeOffset? retryAt = gaveUp ? null : time.GetUtcNow() + options.BackoffAfter(attempt);
        await using (var scope = openScope())
            if (!await scope.Store.FailAsync(job.Id, Owner, error, retryAt, CancellationToken.None)) return;
        run.Failures.Add(new JobFailure(job.Id, job.Kind, job.Target, attempt, error, gaveUp));
        if (!gaveUp) return;
        try
        {
            await using var scope = openScope();
            if (scope.Handler(job.Kind) is { } handler) await handler.GiveUpAsync(job, error, ct);
        }
        catch (Exception again) when (again is not OperationCanceledException)
        {
            // the job row already shows it as failed, with its error
            run.Failures.Add(new JobFailure(job.Id, job.Kind, job.Target, attempt, "Kunde inte göras synlig: " + again.Message, true));
        }
    }
}

/// <summary>Fires one engine timer row through <see cref="ProcessEngine.FireTimerAsync"/>; a fired or cancelled timer does nothing.</summary>
public sealed class EngineTimerJobs(ProcessEngine engine) : IJobHandler
{
    public const string KindName = "engine-timer";
    public string Kind => KindName;

    public static Job For(TimerJob timer, DateTimeOffset now) => Job.Create(KindName, timer.Id, timer.DueAt, now);

    public async Task<JobResult> RunAsync(Job job, CancellationToken ct)
    {
        try
        {
            return (await engine.FireTimerAsync(job.Target!, ct)).AlreadyDone ? JobResult.Nothing : JobResult.Done;
        }
        catch (EngineNotFoundException)
        {
            return JobResult.Nothing; // the timer row is gone (its definition was replaced)
        }
    }

    public Task GiveUpAsync(Job job, string error, CancellationToken ct) => engine.RaiseTimerIncidentAsync(job.Target!, error, ct);
}

/// <summary>Purges idempotency records past their expiry (<see cref="EngineOptions.IdempotencyLifetime"/>), then falls due again.</summary>
public sealed class IdempotencyPurgeJobs(IEngineStore store, JobOptions options, TimeProvider time) : IJobHandler
{
    public const string KindName = "idempotency-purge";
    public string Kind => KindName;

    public async Task<JobResult> RunAsync(Job job, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var purged = await store.PurgeIdempotencyAsync(now, ct);
        return new JobResult(purged > 0, now + options.IdempotencyPurgeInterval);
    }
}
