using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InsatsFlow.Data.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests run on, and one new database per test on it.
/// <list type="bullet">
/// <item><c>INSATSFLOW_TEST_POSTGRES</c> set (as .ci/run does): that server; the connection string needs the right to create databases.</item>
/// <item>Not set, under CI (<c>CI</c> set): every PostgreSQL test fails, saying so; they never pass by not running.</item>
/// <item>Not set, on a developer's machine: a throw-away server is started with tools/test-postgres.sh (Debian's
/// postgresql package) and stopped when the test run ends; without the package the tests fail with how to get one.</item>
/// </list>
/// </summary>
public static class TestPostgres
{
    public const string Variable = "INSATSFLOW_TEST_POSTGRES";

    private static readonly Lazy<string> Server = new(Resolve, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A connection string to the server's maintenance database, allowed to create databases.</summary>
    public static string AdminConnectionString => Server.Value;

    /// <summary>Creates an empty database of its own and returns its connection string.</summary>
    public static Task<string> CreateDatabaseAsync() => CreateAsync(template: null);

    /// <summary>
    /// Creates a database of its own with every migration applied: a copy of a template migrated once per test
    /// run, which is much cheaper than migrating each test's database.
    /// </summary>
    public static async Task<string> CreateMigratedDatabaseAsync() => await CreateAsync(await MigratedTemplateAsync());

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? migratedTemplate;

    private static async Task<string> MigratedTemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (migratedTemplate is not null) return migratedTemplate;
            var connectionString = await CreateDatabaseAsync();
            await using (var db = new InsatsFlowDbContext(new DbContextOptionsBuilder<InsatsFlowDbContext>()
                .UseInsatsFlowDatabase(InsatsFlowDatabase.Postgres(connectionString)).Options))
                await DatabaseSetup.MigrateAsync(db);
            // CREATE DATABASE … TEMPLATE refuses a template with open connections, pooled ones included.
            await using (var pooled = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(pooled);
            migratedTemplate = new NpgsqlConnectionStringBuilder(connectionString).Database!;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DropDatabaseAsync(connectionString).GetAwaiter().GetResult();
            return migratedTemplate;
        }
        finally { TemplateLock.Release(); }
    }

    private static async Task<string> CreateAsync(string? template)
    {
        var name = "insatsflow_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            var sql = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, ending any connection still open on it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using (var pooled = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(pooled);
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Resolve()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured) return configured;
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            throw new InvalidOperationException(
                $"{Variable} saknas: under CI startar .ci/run en PostgreSQL-server och sätter variabeln. PostgreSQL-testerna körs inte utan den.");
        return StartThrowAwayServer();
    }

    private static string StartThrowAwayServer()
    {
        var script = Path.Combine(RepositoryRoot(), "tools", "test-postgres.sh");
        var folder = Path.Combine(Path.GetTempPath(), "insatsflow-test-postgres", Guid.NewGuid().ToString("N"));
        var (exit, output, error) = Run(script, "start", folder);
        if (exit != 0)
            throw new InvalidOperationException(
                $"PostgreSQL-testerna behöver en server. Installera Debians paket postgresql (sudo apt-get install postgresql) så startar " +
                $"testerna en egen, eller sätt {Variable} till en anslutningssträng med rätt att skapa databaser, till exempel " +
                $"Host=127.0.0.1;Port=5432;Username=postgres;Password=… ({error.Trim()})");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            NpgsqlConnection.ClearAllPools();
            Run(script, "stop", folder);
        };
        return output.Trim().Split('\n')[^1];
    }

    private static (int Exit, string Output, string Error) Run(string script, string command, string folder)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { script, command, folder }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "InsatsFlow.sln"))) return dir.FullName;
        throw new InvalidOperationException("Hittar inte repots rot (InsatsFlow.sln) ovanför testernas katalog.");
    }
}

/// <summary>The providers every store test runs on.</summary>
public static class Databaser
{
    public static TheoryData<DatabaseProvider> Alla => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };
}
