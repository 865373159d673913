namespace InsatsFlow.Engine.Store;

/// <summary>
/// One command's writes, on a scope of its own: nothing the caller has pending is written or cleared by it.
/// Everything the command and its handlers change is written by <see cref="CommitAsync"/> in one transaction;
/// disposing without committing writes nothing.
/// </summary>
public interface IUnitOfWork : IAsyncDisposable
{
    IEngineStore Store { get; }

    /// <summary>The command's own scope (what the engine asks of the host while the command runs, such as job planners).</summary>
    IServiceProvider Services { get; }

    /// <summary>The tenant whose data this unit sees (the host's filter); null: every tenant's. Idempotency keys are scoped by it.</summary>
    string? Tenant => null;

    /// <summary>
    /// Runs <paramref name="work"/> (a handler, a caller's own domain writes) on a child unit that sees everything this unit
    /// did so far. Its writes join this unit when it returns and are discarded, all of them, when it throws.
    /// </summary>
    /// <exception cref="EngineConflictException">This unit's own writes so far could not be prepared (not the work's fault).</exception>
    Task<T> StageAsync<T>(Func<IServiceProvider, Task<T>> work, CancellationToken ct);

    /// <summary>Writes everything in one transaction; conflicts as <see cref="IEngineStore.SaveChangesAsync"/>.</summary>
    Task CommitAsync(CancellationToken ct);
}

/// <summary>Opens a unit of work per command (and a short-lived one per query, so reads see what is committed).</summary>
public interface IUnitOfWorkFactory
{
    IUnitOfWork Begin();

    /// <summary>A unit for a query that is never committed: what it reads is not tracked for changes.</summary>
    IUnitOfWork BeginRead() => Begin();
}
