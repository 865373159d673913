using InsatsFlow.Engine.Jobs;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Data.Jobs;

/// <summary>
/// The job table on EF Core. A claim is a plain conditional UPDATE (pending, due, lease free or expired), the same on
/// SQLite and PostgreSQL: SQLite has one writer at a time and PostgreSQL re-checks the WHERE on a row another
/// transaction just updated, so a job is never given to two owners at once. Nothing is tracked: each call is its own statement.
/// </summary>
public sealed class EfJobStore(InsatsFlowDbContext db) : IJobStore
{
    public async Task<IReadOnlyList<Job>> ClaimAsync(string owner, DateTimeOffset now, int max, TimeSpan lease, CancellationToken ct)
    {
        var candidates = await db.Set<Job>().AsNoTracking()
            .Where(j => j.State == JobState.Pending && j.DueAt <= now && (j.LockExpiresAt == null || j.LockExpiresAt <= now))
            .OrderBy(j => j.DueAt).ThenBy(j => j.Id)
            .Select(j => j.Id).Take(max).ToListAsync(ct);
        if (candidates.Count == 0) return [];
        // the expiry is this claim's mark: an owner's earlier claims have other expiries
        var until = new DateTimeOffset(Math.Max(now.UtcTicks + lease.Ticks, now.UtcTicks + 1), TimeSpan.Zero);
        await db.Set<Job>()
            .Where(j => candidates.Contains(j.Id) && j.State == JobState.Pending && (j.LockExpiresAt == null || j.LockExpiresAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LockOwner, owner).SetProperty(j => j.LockExpiresAt, until), ct);
        return await db.Set<Job>().AsNoTracking()
            .Where(j => candidates.Contains(j.Id) && j.LockOwner == owner && j.LockExpiresAt == until && j.State == JobState.Pending)
            .OrderBy(j => j.DueAt).ThenBy(j => j.Id).ToListAsync(ct);
    }

    public async Task<bool> CompleteAsync(string jobId, string owner, DateTimeOffset now, DateTimeOffset? next, CancellationToken ct)
    {
        var mine = db.Set<Job>().Where(j => j.Id == jobId && j.LockOwner == owner && j.State == JobState.Pending);
        var changed = next is { } at
            ? await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.DueAt, at).SetProperty(j => j.LockOwner, (string?)null)
                .SetProperty(j => j.LockExpiresAt, (DateTimeOffset?)null).SetProperty(j => j.Attempts, 0).SetProperty(j => j.LastError, (string?)null), ct)
            : await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Done).SetProperty(j => j.CompletedAt, now)
                .SetProperty(j => j.LockOwner, (string?)null).SetProperty(j => j.LockExpiresAt, (DateTimeOffset?)null), ct);
        return changed == 1;
    }

    public async Task<bool> FailAsync(string jobId, string owner, string error, DateTimeOffset? retryAt, CancellationToken ct)
    {
        var mine = db.Set<Job>().Where(j => j.Id == jobId && j.LockOwner == owner && j.State == JobState.Pending);
        var changed = retryAt is { } at
            ? await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.Attempts, j => j.Attempts + 1).SetProperty(j => j.LastError, error)
                .SetProperty(j => j.DueAt, at).SetProperty(j => j.LockOwner, (string?)null).SetProperty(j => j.LockExpiresAt, (DateTimeOffset?)null), ct)
            : await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.Attempts, j => j.Attempts + 1).SetProperty(j => j.LastError, error)
                .SetProperty(j => j.State, JobState.Failed).SetProperty(j => j.LockOwner, (string?)null).SetProperty(j => j.LockExpiresAt, (DateTimeOffset?)null), ct);
        return changed == 1;
    }

    public async Task ReleaseAsync(IReadOnlyList<string> jobIds, string owner, CancellationToken ct)
    {
        foreach (var chunk in jobIds.Chunk(500))
            await db.Set<Job>().Where(j => chunk.Contains(j.Id) && j.LockOwner == owner && j.State == JobState.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.LockOwner, (string?)null).SetProperty(j => j.LockExpiresAt, (DateTimeOffset?)null), ct);
    }

    public async Task<bool> RenewAsync(string jobId, string owner, DateTimeOffset until, CancellationToken ct) =>
        await db.Set<Job>().Where(j => j.Id == jobId && j.LockOwner == owner && j.State == JobState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LockExpiresAt, until), ct) == 1;

    public async Task<bool> EnsureAsync(Job job, CancellationToken ct)
    {
        if (job.Key is null) throw new ArgumentException("Ett jobb som läggs in en gång behöver en nyckel.", nameof(job));
        if (await db.Set<Job>().AsNoTracking().AnyAsync(j => j.Key == job.Key && j.State == JobState.Pending, ct)) return false;
        db.Set<Job>().Add(job);
        await db.SaveChangesAsync(ct);
        db.Entry(job).State = EntityState.Detached;
        return true;
    }

    public async Task<bool> RetryAsync(string jobId, DateTimeOffset now, CancellationToken ct) =>
        await db.Set<Job>().Where(j => j.Id == jobId && j.State == JobState.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Pending).SetProperty(j => j.DueAt, now)
                .SetProperty(j => j.Attempts, 0).SetProperty(j => j.LockOwner, (string?)null).SetProperty(j => j.LockExpiresAt, (DateTimeOffset?)null), ct) == 1;

    public async Task<IReadOnlyList<Job>> ListAsync(JobState state, int max, CancellationToken ct) =>
        await db.Set<Job>().AsNoTracking().Where(j => j.State == state).OrderBy(j => j.DueAt).ThenBy(j => j.Id).Take(max).ToListAsync(ct);

    public Task<int> CountAsync(JobState state, CancellationToken ct) => db.Set<Job>().CountAsync(j => j.State == state, ct);
}
