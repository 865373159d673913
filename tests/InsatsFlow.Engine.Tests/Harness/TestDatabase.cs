using InsatsFlow.Data;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Engine.Tests.Harness;

/// <summary>A real SQLite file in a temp directory, with the schema from migrations when there are any.</summary>
public sealed class TestDatabase : IDisposable
{
    public TestDatabase()
    {
        Directory = Path.Combine(Path.GetTempPath(), "insatsflow-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Path_ = System.IO.Path.Combine(Directory, "insatsflow.db");
        ConnectionString = $"Data Source={Path_};Default Timeout=30";
    }

    public string Directory { get; }
    public string Path_ { get; }
    public string ConnectionString { get; }

    public DbContextOptions<InsatsFlowDbContext> Options =>
        new DbContextOptionsBuilder<InsatsFlowDbContext>().UseSqlite(ConnectionString).Options;

    /// <summary>Creates the schema with the Data project's migrations, as production does.</summary>
    public static void Prepare(InsatsFlowDbContext db) => db.Database.Migrate();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
    }
}
