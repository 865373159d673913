using InsatsFlow.Data;
using InsatsFlow.Data.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace InsatsFlow.Web.Tests.Support;

/// <summary>
/// The real host on its own SQLite file in a temp directory, or on a database of its own on the tests' PostgreSQL
/// server (<see cref="TestPostgres"/>), with or without demo data.
/// </summary>
/// <param name="databaseFile">An existing file to start against (a restart), or null for a new one.</param>
public sealed class InsatsFlowFactory(bool demoData = true, string? databaseFile = null, DatabaseProvider provider = DatabaseProvider.Sqlite,
    IReadOnlyDictionary<string, string>? settings = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? testServices = null)
    : WebApplicationFactory<Program>
{
    private readonly bool ownsDirectory = databaseFile is null;
    private string? postgresDatabase;

    public string Directory { get; } = databaseFile is null
        ? Path.Combine(Path.GetTempPath(), "insatsflow-web-tests", Guid.NewGuid().ToString("N"))
        : Path.GetDirectoryName(databaseFile)!;

    public string DatabaseFile => Path.Combine(Directory, "insatsflow.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        System.IO.Directory.CreateDirectory(Directory);
        builder.UseEnvironment("Test");
        if (provider == DatabaseProvider.Postgres)
        {
            postgresDatabase ??= TestPostgres.CreateDatabaseAsync().GetAwaiter().GetResult();
            builder.UseSetting(InsatsFlowDatabase.ProviderSetting, "postgres");
            builder.UseSetting(InsatsFlowDatabase.ConnectionStringSetting, postgresDatabase);
        }
        else
            builder.UseSetting("ConnectionStrings:InsatsFlow", $"Data Source={DatabaseFile};Pooling=False");
        builder.UseSetting("DemoData:Enabled", demoData ? "true" : "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        if (testServices is not null) builder.ConfigureTestServices(testServices);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (postgresDatabase is not null) await TestPostgres.DropDatabaseAsync(postgresDatabase);
        if (!ownsDirectory) return;
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { /* left in temp on a slow runner; harmless */ }
    }
}
