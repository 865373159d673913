using InsatsFlow.Core.Kalender;
using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Core.Schemalaggning;
using InsatsFlow.Data.Notifieringar;
using InsatsFlow.Data.Schemalaggning;
using InsatsFlow.Engine.Tests.Harness;
using InsatsFlow.Engine.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace InsatsFlow.Engine.Tests.Tidsfrister;

public class QuartzSchemaTests
{
    /// <summary>src/InsatsFlow.Web/appsettings.json flattened to configuration keys (this project has no JSON provider).</summary>
    private static IConfiguration Webbinstallningar()
    {
        var nycklar = new Dictionary<string, string?>();
        void Platta(string prefix, System.Text.Json.JsonElement e)
        {
            if (e.ValueKind == System.Text.Json.JsonValueKind.Object)
                foreach (var p in e.EnumerateObject()) Platta(prefix.Length == 0 ? p.Name : $"{prefix}:{p.Name}", p.Value);
            else nycklar[prefix] = e.ToString();
        }
        Platta("", System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo(), "src", "InsatsFlow.Web", "appsettings.json"))).RootElement);
        return new ConfigurationBuilder().AddInMemoryCollection(nycklar).Build();
    }

    private static string Repo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Hittar inte repots rot.");
    }

    [Fact]
    public async Task Arskalenderns_triggrar_hamnar_i_quartz_med_nasta_tid_i_stockholmstid()
    {
        using var h = new EngineHarness(start: new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero), engine: o => o.UseFunctions<Arbetsdagsfunktioner>(),
            servicesOnDatabase: (s, db) =>
            {
                s.AddLogging();
                s.AddSingleton<SvenskaArbetsdagar>();
                s.AddSingleton<IBusinessCalendar>(sp => sp.GetRequiredService<SvenskaArbetsdagar>());
                s.AddNotifieringar(new SmtpOptions());
                s.AddInsatsFlowArskalenderQuartz(db);
                s.AddInsatsFlowSchemalaggning(Webbinstallningar());
            });
        var start = ActivatorUtilities.CreateInstance<SchemalaggningStart>(h.Services);
        await start.SchemalaggAsync(CancellationToken.None);

        var scheduler = await h.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var brott = await scheduler.GetTrigger(Arskalender.TriggerNyckel(Arshandelse.Budgetbrott));
        brott!.NextFireTimeUtc.Should().Be(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero));
        var budgetstart = await scheduler.GetTrigger(Arskalender.TriggerNyckel(Arshandelse.StartaBudgetprocess));
        budgetstart!.NextFireTimeUtc.Should().Be(new DateTimeOffset(2026, 8, 1, 6, 0, 0, TimeSpan.Zero));
        // Quartz holds the yearly calendar and nothing else: timers and deadline steps are the job executor's
        (await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup())).Should().HaveCount(5);
    }

    [Fact]
    public void Installningarna_i_webbens_appsettings_ar_giltiga()
    {
        var tjanster = new ServiceCollection();
        tjanster.AddInsatsFlowSchemalaggning(Webbinstallningar());
        var provider = tjanster.BuildServiceProvider();
        provider.GetRequiredService<FristpolicyOptions>().PaminnelseArbetsdagarFore.Should().Be(2);
        provider.GetRequiredService<Arskalender>().Cron.Should().HaveCount(5);
    }

    [Fact]
    public void Ett_cronuttryck_som_inte_gar_att_tolka_stoppar_starten_med_installningen_namngiven()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["InsatsFlow:Arskalender:Handelser:Budgetbrott"] = "varje 1 december",
        }).Build();
        FluentActions.Invoking(() => new ServiceCollection().AddInsatsFlowSchemalaggning(config))
            .Should().Throw<SchemaKonfigurationsfel>().WithMessage("*InsatsFlow:Arskalender:Handelser:Budgetbrott*");
    }
}
