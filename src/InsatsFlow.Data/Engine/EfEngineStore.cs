using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace InsatsFlow.Data.Engine;

/// <summary>
/// The engine's rows on a scope's <see cref="InsatsFlowDbContext"/>. A command has a scope of its own
/// (<see cref="EfUnitOfWork"/>); pages and handlers read through the one of their scope.
/// </summary>
public sealed class EfEngineStore(InsatsFlowDbContext db) : IEngineStore
{
    public async Task<ProcessDefinition?> FindDefinitionAsync(string id, CancellationToken ct) =>
        await db.Set<ProcessDefinition>().FindAsync([id], ct);

    public async Task<ProcessDefinition?> FindLatestDefinitionAsync(string key, CancellationToken ct)
    {
        var stored = await db.Set<ProcessDefinition>().Where(d => d.Key == key).OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);
        var local = db.Set<ProcessDefinition>().Local.Where(d => d.Key == key).MaxBy(d => d.Version);
        return local is not null && (stored is null || local.Version > stored.Version) ? local : stored;
    }

    public Task<string?> LatestDefinitionIdAsync(string key, CancellationToken ct) =>
        db.Set<ProcessDefinition>().Where(d => d.Key == key).OrderByDescending(d => d.Version).Select(d => d.Id).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<ProcessDefinition>> LatestDefinitionsAsync(CancellationToken ct)
    {
        // one query: the versions no newer version of the same key exists for
        var set = db.Set<ProcessDefinition>();
        return await set.Where(d => !set.Any(n => n.Key == d.Key && n.Version > d.Version)).ToListAsync(ct);
    }

    public Task<ProcessInstance?> FindInstanceAsync(string id, CancellationToken ct) => Find(InstanceById, id);

    public Task<IReadOnlyList<ProcessInstance>> FindInstancesAsync(string? definitionKey, string? businessKey, bool runningOnly, CancellationToken ct) =>
        QueryAsync<ProcessInstance>(i => (definitionKey == null || i.DefinitionKey == definitionKey)
            && (businessKey == null || i.BusinessKey == businessKey)
            && (!runningOnly || i.Status == InstanceStatus.Running), ct);

    public Task<TaskItem?> FindTaskAsync(string id, CancellationToken ct) => Find(TaskById, id);

    public Task<IReadOnlyList<TaskItem>> TasksAsync(TaskFilter f, CancellationToken ct)
    {
        var open = f.OpenOnly;
        var instanceId = f.InstanceId;
        var assignee = f.Assignee;
        Expression<Func<TaskItem, bool>> predicate = t => (!open || t.State == TaskState.Open)
            && (instanceId == null || t.InstanceId == instanceId)
            && (assignee == null || t.Assignee == assignee);
        if (f.CandidateUser is null && f.CandidateGroups is null) return QueryAsync(predicate, ct);
        // The inbox: unclaimed open tasks offered to the user or one of the groups, found on the candidate index; the
        // rows this unit added (not saved, so without candidate rows yet) are tested on their lists.
        var users = f.CandidateUser is null ? Array.Empty<string>() : [f.CandidateUser];
        var groups = f.CandidateGroups ?? [];
        var offered = Offered(new TaskCandidates(users, groups));
        var test = predicate.Compile(preferInterpretation: true);
        return QueryAsync(db.Set<TaskItem>().Where(predicate).Where(offered),
            t => test(t) && t.State == TaskState.Open && t.Assignee == null
                && (t.CandidateUserList.Any(users.Contains) || t.CandidateGroupList.Any(groups.Contains)), ct);
    }

    public async Task<TaskPage> TaskPageAsync(TaskPageQuery q, CancellationToken ct)
    {
        var tasks = db.Set<TaskItem>().AsNoTracking().Where(t => t.State == TaskState.Open);
        var assignee = q.Assignee;
        if (q.OpenTo is { } openTo)
        {
            var offered = Offered(openTo);
            if (assignee is not null)
            {
                // claimed by them, or open to them: one predicate, so one count and one sort cover both
                var claimed = (Expression<Func<TaskItem, bool>>)(t => t.Assignee == assignee);
                offered = Expression.Lambda<Func<TaskItem, bool>>(Expression.OrElse(claimed.Body,
                    ReplacingExpressionVisitor.Replace(offered.Parameters[0], claimed.Parameters[0], offered.Body)), claimed.Parameters);
            }
            tasks = tasks.Where(offered);
        }
        else if (assignee is not null) tasks = tasks.Where(t => t.Assignee == assignee); // on the (Assignee, State) index
        if (q.DefinitionKey is { } key) tasks = tasks.Where(t => t.DefinitionKey == key);
        if (q.BusinessKey is { } businessKey) tasks = tasks.Where(t => t.BusinessKey == businessKey);
        if (q.DueBefore is { } dueBefore) tasks = tasks.Where(t => t.DueAt < dueBefore);
        var total = await tasks.CountAsync(ct);
        if (total == 0 || q.Skip >= total || q.Take <= 0) return new([], total);
        return new(await Sorted(tasks, q.OrderBy, q.Descending).Skip(q.Skip).Take(q.Take).ToListAsync(ct), total);
    }

    /// <summary>Unclaimed and offered to one of the names: the candidate index finds the task ids, the key finds the tasks.</summary>
    private Expression<Func<TaskItem, bool>> Offered(TaskCandidates to)
    {
        var names = to.Users.Select(TaskCandidate.User).Concat(to.Groups.Select(TaskCandidate.Group)).Distinct().ToList();
        var ids = db.Set<TaskCandidate>().Where(c => names.Contains(c.Candidate)).Select(c => c.TaskId);
        if (to.KeyedGroups is not { Count: > 0 } keyedGroups) return t => t.Assignee == null && ids.Contains(t.Id);
        var keyedNames = keyedGroups.Select(TaskCandidate.Group).ToList();
        var keys = (to.Keys ?? []).ToList();
        var keyed = db.Set<TaskCandidate>().Where(c => keyedNames.Contains(c.Candidate)).Select(c => c.TaskId);
        return t => t.Assignee == null && (ids.Contains(t.Id) || (keyed.Contains(t.Id) && keys.Contains(t.BusinessKey!)));
    }

    // Nulls first ascending and last descending, as in memory, on every provider (PostgreSQL puts them last by default);
    // the id breaks ties so a page holds the same rows however often it is asked for.
    private static IQueryable<TaskItem> Sorted(IQueryable<TaskItem> tasks, TaskOrder order, bool descending) => (order, descending) switch
    {
        (TaskOrder.CreatedAt, false) => tasks.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
        (TaskOrder.CreatedAt, true) => tasks.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
        (TaskOrder.Name, false) => tasks.OrderBy(t => t.Name ?? t.ElementId).ThenBy(t => t.Id),
        (TaskOrder.Name, true) => tasks.OrderByDescending(t => t.Name ?? t.ElementId).ThenByDescending(t => t.Id),
        (TaskOrder.DefinitionKey, false) => tasks.OrderBy(t => t.DefinitionKey).ThenBy(t => t.Id),
        (TaskOrder.DefinitionKey, true) => tasks.OrderByDescending(t => t.DefinitionKey).ThenByDescending(t => t.Id),
        (_, false) => tasks.OrderBy(t => t.DueAt == null ? 0 : 1).ThenBy(t => t.DueAt).ThenBy(t => t.Id),
        (_, true) => tasks.OrderByDescending(t => t.DueAt == null ? 0 : 1).ThenByDescending(t => t.DueAt).ThenByDescending(t => t.Id),
    };

    public Task<TimerJob?> FindTimerAsync(string id, CancellationToken ct) => Find(TimerById, id);

    public Task<IReadOnlyList<TimerJob>> PendingTimersAsync(string? instanceId, DateTimeOffset? dueBy, CancellationToken ct) =>
        QueryAsync<TimerJob>(t => t.State == TimerState.Pending
            && (instanceId == null || t.InstanceId == instanceId)
            && (dueBy == null || t.DueAt <= dueBy), ct);

    public async Task<IReadOnlyList<TimerJob>> NextPendingTimersAsync(int max, CancellationToken ct) =>
        await db.Set<TimerJob>().AsNoTracking().Where(t => t.State == TimerState.Pending)
            .OrderBy(t => t.DueAt).ThenBy(t => t.Id).Take(max).ToListAsync(ct); // on the (State, DueAt) index

    public Task<IReadOnlyList<MessageSubscription>> SubscriptionsAsync(string? instanceId, string? messageName, string? businessKey, CancellationToken ct) =>
        QueryAsync<MessageSubscription>(s => (instanceId == null || s.InstanceId == instanceId)
            && (messageName == null || s.MessageName == messageName)
            && (businessKey == null || s.BusinessKey == businessKey), ct);

    public Task<IReadOnlyList<Incident>> IncidentsAsync(string? instanceId, bool openOnly, CancellationToken ct) =>
        QueryAsync<Incident>(i => (instanceId == null || i.InstanceId == instanceId) && (!openOnly || i.ResolvedAt == null), ct);

    public async Task<Incident?> FindIncidentAsync(string id, CancellationToken ct) => await db.Set<Incident>().FindAsync([id], ct);

    public async Task<IReadOnlyList<JournalEntry>> JournalAsync(string instanceId, CancellationToken ct) =>
        await db.Set<JournalEntry>().AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Sequence).ToListAsync(ct);

    public Task<IdempotencyRecord?> FindIdempotencyAsync(string id, CancellationToken ct) => Find(IdempotencyById, id);

    // Find by key as DbSet.Find does (a row this unit already tracks first, else the database), on compiled queries:
    // Find builds and looks up its query anew on every call, which was a tenth of a command. Tracked explicitly, so a
    // command's rows are tracked whatever the context's default.
    private static readonly ById<ProcessInstance> InstanceById = new((c, id) => c.Set<ProcessInstance>().AsTracking().FirstOrDefault(r => r.Id == id));
    private static readonly ById<TaskItem> TaskById = new((c, id) => c.Set<TaskItem>().AsTracking().FirstOrDefault(r => r.Id == id));
    private static readonly ById<TimerJob> TimerById = new((c, id) => c.Set<TimerJob>().AsTracking().FirstOrDefault(r => r.Id == id));
    private static readonly ById<IdempotencyRecord> IdempotencyById = new((c, id) => c.Set<IdempotencyRecord>().AsTracking().FirstOrDefault(r => r.Id == id));

    private async Task<T?> Find<T>(ById<T> query, string id) where T : class =>
        db.Set<T>().Local.FindEntry(id)?.Entity ?? await query.RunAsync(db, id);

    /// <summary>A compiled query serves one model only: one per model (SQLite's, PostgreSQL's) in a process that has both.</summary>
    private sealed class ById<T>(Expression<Func<InsatsFlowDbContext, string, T?>> query) where T : class
    {
        private readonly ConditionalWeakTable<Microsoft.EntityFrameworkCore.Metadata.IModel, Func<InsatsFlowDbContext, string, Task<T?>>> byModel = new();

        public Task<T?> RunAsync(InsatsFlowDbContext db, string id) => byModel.GetValue(db.Model, _ => EF.CompileAsyncQuery(query))(db, id);
    }

    public Task<int> PurgeIdempotencyAsync(DateTimeOffset now, CancellationToken ct) =>
        db.Set<IdempotencyRecord>().Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(ct);

    public void Add<T>(T record) where T : class => db.Set<T>().Add(record);

    public void Remove<T>(T record) where T : class => db.Set<T>().Remove(record);

    public async Task SaveChangesAsync(CancellationToken ct)
    {
        try
        {
            // a command's unit turns automatic detection off (each query and Local would scan the tracked rows): one pass here
            if (!db.ChangeTracker.AutoDetectChangesEnabled) db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException e)
        {
            var what = e.Entries.FirstOrDefault()?.Entity switch
            {
                ProcessInstance i => $"instansen {i.Id}",
                TaskItem t => $"uppgiften {t.ElementId}",
                TimerJob t => $"timern {t.Id}",
                var other => other?.GetType().Name ?? "raden",
            };
            throw new EngineConflictException($"Någon annan hann före: {what} ändrades medan kommandot kördes. Läs om och försök igen.", e);
        }
        catch (DbUpdateException e)
        {
            var added = db.ChangeTracker.Entries<IdempotencyRecord>().FirstOrDefault(r => r.State == EntityState.Added)?.Entity;
            if (added is not null && await db.Set<IdempotencyRecord>().AsNoTracking().AnyAsync(r => r.Id == added.Id, ct))
                throw new IdempotencyKeyTakenException(added.Key, e);
            if (JournalSequenceTaken(e))
            {
                var instance = db.ChangeTracker.Entries<JournalEntry>().FirstOrDefault(j => j.State == EntityState.Added)?.Entity.InstanceId;
                throw new EngineConflictException($"Någon annan hann före: instansen {instance} ändrades medan kommandot kördes. Läs om och försök igen.", e);
            }
            throw new EngineConflictException($"Kommandot kunde inte sparas: {e.InnerException?.Message ?? e.Message}", e);
        }
    }

    /// <summary>
    /// Another command on the same instance committed its journal entries first. On SQLite the one writer meets the
    /// instance's version check first; on PostgreSQL two nodes' commands both run until their next journal sequence
    /// collides, which is the same conflict.
    /// </summary>
    private static bool JournalSequenceTaken(DbUpdateException e) => e.InnerException switch
    {
        Npgsql.PostgresException p => p.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation && p.ConstraintName == "PK_EngineJournal",
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteErrorCode == 19 && s.Message.Contains("EngineJournal.", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>Rows matching in the database plus rows added in this unit of work, filtered again in memory
    /// (a tracked row may already have changed in this command).</summary>
    private Task<IReadOnlyList<T>> QueryAsync<T>(Expression<Func<T, bool>> predicate, CancellationToken ct) where T : class =>
        QueryAsync(db.Set<T>().Where(predicate), predicate.Compile(preferInterpretation: true), ct); // applied to a handful of rows: interpreting beats compiling

    private async Task<IReadOnlyList<T>> QueryAsync<T>(IQueryable<T> query, Func<T, bool> test, CancellationToken ct) where T : class
    {
        var set = db.Set<T>();
        var stored = await query.ToListAsync(ct);
        var result = new List<T>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var row in stored.Concat(set.Local.Where(test)))
            if (test(row) && seen.Add(row) && db.Entry(row).State != EntityState.Deleted) result.Add(row);
        return result;
    }
}
