using InsatsFlow.Data;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Data.Tests.Support;

/// <summary>
/// A real database migrated like production, deleted on dispose: a SQLite file in its own temp directory, or a
/// database of its own on the tests' PostgreSQL server (<see cref="TestPostgres"/>). The temp directory exists for both.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string directory, InsatsFlowDatabase database)
    {
        Directory = directory;
        Database = database;
    }

    public string Directory { get; }
    public InsatsFlowDatabase Database { get; }
    public DatabaseProvider Provider => Database.Provider;
    public string ConnectionString => Database.ConnectionString;

    public static Task<TestDatabase> CreateAsync() => CreateAsync(DatabaseProvider.Sqlite);

    /// <param name="empty">PostgreSQL only: start from an empty database instead of a copy of one migrated once per run
    /// (either way the migrations are then applied, as at start-up; on the copy there is nothing left to apply).</param>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool empty = false)
    {
        var dir = Path.Combine(Path.GetTempPath(), "insatsflow-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        var database = new TestDatabase(dir, provider == DatabaseProvider.Postgres
            ? InsatsFlowDatabase.Postgres(empty ? await TestPostgres.CreateDatabaseAsync() : await TestPostgres.CreateMigratedDatabaseAsync())
            : InsatsFlowDatabase.Sqlite($"Data Source={Path.Combine(dir, "insatsflow.db")};Pooling=False"));
        await using var db = database.NewContext();
        await DatabaseSetup.MigrateAsync(db);
        return database;
    }

    /// <summary>A fresh context, as each request or command gets in the app.</summary>
    public InsatsFlowDbContext NewContext() =>
        new(new DbContextOptionsBuilder<InsatsFlowDbContext>().UseInsatsFlowDatabase(Database).Options);

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Postgres) await TestPostgres.DropDatabaseAsync(ConnectionString);
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { /* a file still open on a slow runner is left in temp; harmless */ }
    }
}
