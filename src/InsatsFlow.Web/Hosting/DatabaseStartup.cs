using InsatsFlow.Core.Dokument;
using InsatsFlow.Data;
using InsatsFlow.Engine;
using InsatsFlow.Rules.Reloading;
using InsatsFlow.Data.Demo;
using InsatsFlow.Web.Identity;
using Microsoft.Data.Sqlite;
using Npgsql;
using Microsoft.Extensions.Options;

namespace InsatsFlow.Web.Hosting;

public static class DatabaseStartup
{
    public const string FilbevakningSetting = "InsatsFlow:Filbevakning";

    /// <summary>
    /// The database from configuration: <c>InsatsFlow:Databas</c> (sqlite, the default, or postgres) and
    /// <c>ConnectionStrings:InsatsFlow</c>. A relative SQLite file is resolved against the repository root; PostgreSQL
    /// needs a connection string of its own. Bad settings stop the start with one Swedish line naming the setting.
    /// </summary>
    public static InsatsFlowDatabase Database(IConfiguration configuration, RepositoryPaths paths)
    {
        var provider = InsatsFlowDatabase.ParseProvider(configuration[InsatsFlowDatabase.ProviderSetting]);
        var configured = configuration.GetConnectionString("InsatsFlow");
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(configured) || configured.Contains("Data Source=", StringComparison.OrdinalIgnoreCase))
                throw new DatabaseConfigurationException(
                    $"{InsatsFlowDatabase.ProviderSetting} är postgres men {InsatsFlowDatabase.ConnectionStringSetting} anger ingen PostgreSQL-server (till exempel Host=localhost;Database=insatsflow;Username=insatsflow;Password=…).");
            try { _ = new NpgsqlConnectionStringBuilder(configured); }
            catch (ArgumentException e)
            {
                throw new DatabaseConfigurationException($"{InsatsFlowDatabase.ConnectionStringSetting} går inte att läsa som en PostgreSQL-anslutningssträng ({InsatsFlowDatabase.ProviderSetting} = postgres).", e);
            }
            return InsatsFlowDatabase.Postgres(configured);
        }
        var builder = new SqliteConnectionStringBuilder(configured ?? "Data Source=data/insatsflow.db");
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal))
            builder.DataSource = paths.Resolve(file);
        return InsatsFlowDatabase.Sqlite(builder.ToString());
    }

    /// <summary>
    /// Before the host serves requests: migrations, the published workflows (workflows/*.bpmn; unchanged content
    /// keeps its version), the demo data when enabled, and the watchers that pick up edited rule files and templates.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>();
        await DatabaseSetup.MigrateAsync(db);
        // Forms first: a process version deployed now binds (formRefBinding "deployment") to the forms published before it.
        foreach (var v in await scope.ServiceProvider.GetRequiredService<InsatsFlow.Core.Formular.Formularversioner>().ImporteraAsync())
            app.Logger.LogInformation("Formuläret {Key} version {Version} publicerat från forms/.", v.FormKey, v.Version);
        var workflows = app.Services.GetRequiredService<RepositoryPaths>().Resolve(app.Configuration["InsatsFlow:Arbetsfloden"] ?? "workflows");
        foreach (var deployment in await scope.ServiceProvider.GetRequiredService<ProcessEngine>().DeployDirectoryAsync(workflows))
            foreach (var d in deployment.Definitions.Where(d => d.IsNew))
                app.Logger.LogInformation("Arbetsflödet {Key} version {Version} driftsatt från {Fil}.", d.Key, d.Version, deployment.ResourceName);
        // InsatsFlow:Filbevakning = false where file events are not to be trusted (some network shares): the node then
        // reloads only when another node announces a reload (Omladdningssignaler).
        if (app.Configuration.GetValue(FilbevakningSetting, true))
            app.Lifetime.ApplicationStarted.Register(() =>
            {
                app.Services.GetRequiredService<RuleFileReloader>().Start();
                app.Services.GetRequiredService<TemplateStoreReloader>().Start();
            });
        if (scope.ServiceProvider.GetRequiredService<IOptions<DemoDataOptions>>().Value.Enabled)
        {
            var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
            var nordvik = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedNordvikAsync();
            var password = app.Configuration["DemoData:Password"]
                ?? throw new InvalidOperationException("DemoData:Password saknas i konfigurationen (behövs för demokontona).");
            await scope.ServiceProvider.GetRequiredService<DemoAccounts>().EnsureAsync(password);
            if (seeded) await app.Services.GetRequiredService<DemoProcesser>().StartaAsync();
            if (nordvik) await app.Services.GetRequiredService<DemoProcesser>().StartaNordvikAsync();
            app.Logger.LogInformation(seeded ? "Demodata inlagt." : "Demodata finns redan; inget nytt lagt in.");
        }
    }
}
