using InsatsFlow.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Tests;

/// <summary>
/// A real SQLite file in a temp folder. Applies the migrations when the Data project has any; until the
/// lead regenerates them it falls back to EnsureCreated (temporary).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _katalog = Path.Combine(Path.GetTempPath(), "insatsflow-test-" + Guid.NewGuid().ToString("N"));

    public TestDatabase()
    {
        Directory.CreateDirectory(_katalog);
        Sokvag = Path.Combine(_katalog, "insatsflow.db");
        using var db = NyContext();
        if (db.Database.GetMigrations().Any())
            db.Database.Migrate();
        else
            db.Database.EnsureCreated();
    }

    public string Sokvag { get; }

    public InsatsFlowDbContext NyContext() =>
        new(new DbContextOptionsBuilder<InsatsFlowDbContext>().UseSqlite($"Data Source={Sokvag}").Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_katalog, recursive: true); } catch (IOException) { /* a leftover temp file is harmless */ }
    }
}
