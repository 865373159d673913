using InsatsFlow.Data;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Data.Tests.Support;

/// <summary>A real SQLite file in its own temp directory, migrated like production; deleted on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string directory)
    {
        Directory = directory;
        ConnectionString = $"Data Source={Path.Combine(directory, "insatsflow.db")};Pooling=False";
    }

    public string Directory { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "insatsflow-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        var database = new TestDatabase(dir);
        await using var db = database.NewContext();
        await DatabaseSetup.MigrateAsync(db);
        return database;
    }

    /// <summary>A fresh context, as each request or command gets in the app.</summary>
    public InsatsFlowDbContext NewContext() =>
        new(new DbContextOptionsBuilder<InsatsFlowDbContext>().UseInsatsFlowDatabase(ConnectionString).Options);

    public ValueTask DisposeAsync()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { /* a file still open on a slow runner is left in temp; harmless */ }
        return ValueTask.CompletedTask;
    }
}
