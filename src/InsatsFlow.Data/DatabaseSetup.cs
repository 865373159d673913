using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Data;

public static class DatabaseSetup
{
    public const int BusyTimeoutMs = 5000;

    /// <summary>Configures the provider and the interceptors every InsatsFlowDbContext needs.</summary>
    public static TBuilder UseInsatsFlowDatabase<TBuilder>(this TBuilder options, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        options
            .UseSqlite(connectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .AddInterceptors(new SqliteConnectionSetup(BusyTimeoutMs), new DomainValidationInterceptor());
        return options;
    }

    public static IServiceCollection AddInsatsFlowData(this IServiceCollection services, string connectionString)
    {
        EnsureDirectoryFor(connectionString);
        services.AddDbContext<InsatsFlowDbContext>(o => o.UseInsatsFlowDatabase(connectionString));
        return services;
    }

    /// <summary>Applies the migrations and puts the file in WAL mode (kept by SQLite in the file itself).</summary>
    public static async Task MigrateAsync(InsatsFlowDbContext db, CancellationToken cancellationToken = default)
    {
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
