using InsatsFlow.Core.Behorighet;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InsatsFlow.Data;

public static class DatabaseSetup
{
    public const int BusyTimeoutMs = 5000;

    /// <summary>Configures the provider and the interceptors every InsatsFlowDbContext needs.</summary>
    public static TBuilder UseInsatsFlowDatabase<TBuilder>(this TBuilder options, InsatsFlowDatabase database)
        where TBuilder : DbContextOptionsBuilder
    {
        switch (database.Provider)
        {
            case DatabaseProvider.Postgres:
                options.UseNpgsql(database.ConnectionString, o => o
                    .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)
                    .MigrationsAssembly(InsatsFlowDatabase.PostgresMigrationsAssembly));
                break;
            default:
                options
                    .UseSqlite(database.ConnectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                    .AddInterceptors(new SqliteConnectionSetup(BusyTimeoutMs));
                break;
        }
        options.AddInterceptors(new DomainValidationInterceptor());
        // issue 17: the events of what is saved go into the same save (webhooks)
        options.AddInterceptors(new Integration.HandelseInterceptor());
        return options;
    }

    /// <summary>A SQLite file: the embedded default, kept for the callers that only know a file.</summary>
    public static TBuilder UseInsatsFlowDatabase<TBuilder>(this TBuilder options, string sqliteConnectionString)
        where TBuilder : DbContextOptionsBuilder =>
        options.UseInsatsFlowDatabase(InsatsFlowDatabase.Sqlite(sqliteConnectionString));

    public static IServiceCollection AddInsatsFlowData(this IServiceCollection services, InsatsFlowDatabase database)
    {
        if (database.Provider == DatabaseProvider.Sqlite) EnsureDirectoryFor(database.ConnectionString);
        services.AddSingleton(database);
        // pooled: every command of the engine runs on a context of its own, and building one (options, services, sets) was
        // a fifth of a command's time. Its one piece of per-scope state, the förbund it filters by, is set here on each
        // rental from the scope's IAktivtForbund (none registered, or none signed in: the installation's own work, all rows).
        services.AddPooledDbContextFactory<InsatsFlowDbContext>(o => o.UseInsatsFlowDatabase(database));
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<InsatsFlowDbContext>>().CreateDbContext();
            db.Forbundsfilter = sp.GetService<IAktivtForbund>();
            return db;
        });
        return services;
    }

    public static IServiceCollection AddInsatsFlowData(this IServiceCollection services, string sqliteConnectionString) =>
        services.AddInsatsFlowData(InsatsFlowDatabase.Sqlite(sqliteConnectionString));

    /// <summary>
    /// Applies the migrations of the context's provider. SQLite: the file then goes to WAL mode (kept by SQLite in
    /// the file itself). PostgreSQL: the server is tried first, so that an unreachable one stops the start with one
    /// line naming the setting instead of a stack of driver errors.
    /// </summary>
    public static async Task MigrateAsync(InsatsFlowDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsNpgsql())
        {
            await PostgresConnectionCheck.EnsureReachableAsync(db.Database.GetConnectionString()!, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            return;
        }
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
    }

    private static void EnsureDirectoryFor(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:") return;
        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
    }
}
