using InsatsFlow.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Tests;

/// <summary>
/// A real SQLite file in a temp folder, migrated like production (DatabaseSetup.MigrateAsync). While a
/// merged area's mapping is not yet in a migration (the lead regenerates them after each merge) it falls
/// back to EnsureCreated — temporary; the Data tests are the ones that guard the migrations.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _katalog = Path.Combine(Path.GetTempPath(), "insatsflow-test-" + Guid.NewGuid().ToString("N"));

    public TestDatabase()
    {
        Directory.CreateDirectory(_katalog);
        Sokvag = Path.Combine(_katalog, "insatsflow.db");
        using var db = NyContext();
        if (db.Database.HasPendingModelChanges())
            db.Database.EnsureCreated();
        else
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
