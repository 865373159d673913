using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Data.Engine;

/// <summary>
/// A command's unit of work: a DI scope and <see cref="InsatsFlowDbContext"/> of its own, so nothing the caller has
/// pending is written or cleared by it. A handler runs on a child scope whose context shares this unit's connection and
/// transaction: it sees what the command wrote so far, and its own writes reach the transaction only when it returns.
/// A handler that throws leaves nothing: its context is simply dropped. One commit writes it all.
/// </summary>
public sealed class EfUnitOfWork : IUnitOfWork
{
    private readonly IServiceScopeFactory scopes;
    private readonly AsyncServiceScope scope;
    private readonly InsatsFlowDbContext db;
    private IDbContextTransaction? transaction;
    private readonly bool opened;

    public EfUnitOfWork(IServiceScopeFactory scopes, bool readOnly = false)
    {
        this.scopes = scopes;
        scope = scopes.CreateAsyncScope();
        db = scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>();
        if (readOnly) db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking; // a query's rows are never saved
        else
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false; // the store detects changes once, when it saves (a pooled context is reset after)
            // one connection for the whole command: EF would open it for each query (on SQLite that registers its functions each time)
            db.Database.OpenConnection();
            opened = true;
        }
        Store = new EfEngineStore(db);
    }

    public IEngineStore Store { get; }

    public IServiceProvider Services => scope.ServiceProvider;

    public string? Tenant => db.Tenant;

    public async Task<T> StageAsync<T>(Func<IServiceProvider, Task<T>> work, CancellationToken ct)
    {
        // the transaction opens at the first handler and holds everything written until the commit
        transaction ??= await db.Database.BeginTransactionAsync(ct);
        await Store.SaveChangesAsync(ct);
        await using var child = scopes.CreateAsyncScope();
        var childDb = child.ServiceProvider.GetRequiredService<InsatsFlowDbContext>();
        var own = RelationalOptionsExtension.Extract(childDb.GetService<IDbContextOptions>()).ConnectionString;
        childDb.Database.SetDbConnection(db.Database.GetDbConnection(), contextOwnsConnection: false);
        try
        {
            await childDb.Database.UseTransactionAsync(transaction.GetDbTransaction(), ct);
            var result = await work(child.ServiceProvider);
            await childDb.SaveChangesAsync(ct); // inside the transaction, behind a savepoint EF sets: all of it or none
            return result;
        }
        finally
        {
            // a pooled context goes back to the pool: it must not keep this command's connection and transaction
            await childDb.Database.UseTransactionAsync(null, CancellationToken.None);
            childDb.Database.SetDbConnection(null, contextOwnsConnection: false);
            childDb.Database.SetConnectionString(own);
        }
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        await Store.SaveChangesAsync(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (transaction is not null) await transaction.DisposeAsync(); // rolls back what was not committed
        if (opened) await db.Database.CloseConnectionAsync();
        await scope.DisposeAsync();
    }
}

public sealed class EfUnitOfWorkFactory(IServiceScopeFactory scopes) : IUnitOfWorkFactory
{
    public IUnitOfWork Begin() => new EfUnitOfWork(scopes);

    public IUnitOfWork BeginRead() => new EfUnitOfWork(scopes, readOnly: true);
}
