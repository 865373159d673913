using InsatsFlow.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Tests;

/// <summary>A real SQLite file in a temp folder, set up like production (DatabaseSetup: migrations, WAL).</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _katalog = Path.Combine(Path.GetTempPath(), "insatsflow-test-" + Guid.NewGuid().ToString("N"));

    public TestDatabase()
    {
        Directory.CreateDirectory(_katalog);
        Sokvag = Path.Combine(_katalog, "insatsflow.db");
        using var db = NyContext();
        DatabaseSetup.MigrateAsync(db).GetAwaiter().GetResult();
    }

    public string Sokvag { get; }

    public string ConnectionString => $"Data Source={Sokvag}";

    public InsatsFlowDbContext NyContext() =>
        new(new DbContextOptionsBuilder<InsatsFlowDbContext>().UseInsatsFlowDatabase(ConnectionString).Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_katalog, recursive: true); } catch (IOException) { /* a leftover temp file is harmless */ }
    }
}
