using InsatsFlow.Data;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Rules.Tests.TestSupport;

/// <summary>A real SQLite file in a temp directory, migrated like production.</summary>
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
        var dir = Path.Combine(Path.GetTempPath(), "insatsflow-rules-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        var database = new TestDatabase(dir);
        await using var db = database.NewContext();
        await DatabaseSetup.MigrateAsync(db);
        return database;
    }

    public InsatsFlowDbContext NewContext() =>
        new(new DbContextOptionsBuilder<InsatsFlowDbContext>().UseInsatsFlowDatabase(ConnectionString).Options);

    public ValueTask DisposeAsync()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { /* a file still open on a slow runner is left in temp; harmless */ }
        return ValueTask.CompletedTask;
    }
}
