using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Dokument;
using InsatsFlow.Core.Formular;
using InsatsFlow.Data.Demo;
using InsatsFlow.Data.Dokument;
using InsatsFlow.Data.Engine;
using InsatsFlow.Data.Formular;
using InsatsFlow.Data.Tests.Support;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;
using InsatsFlow.Engine.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InsatsFlow.Data.Tests.Tenant;

/// <summary>
/// The shipped forms and templates are the defaults; a förbund may publish its own version. Its tasks and documents use
/// its own version, another förbund's do not, and a withdrawal goes back to the default while the versions stay.
/// </summary>
public sealed class ForbundensFormularOchMallarTests
{
    private const string Formular = "budgetsamrad";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    private static string Repo(string mapp)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "InsatsFlow.sln"))) return Path.Combine(dir.FullName, mapp);
        throw new DirectoryNotFoundException("Hittar inte repositoriets rot (InsatsFlow.sln).");
    }

    private static readonly Formularkatalog Katalog = Formularkatalog.LaddaFran(Repo("forms"));

    private async Task<(Guid Demo, Guid Nordvik)> TvaForbundAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var seeder = new DemoSeeder(db, clock);
        await seeder.SeedAsync();
        await seeder.SeedNordvikAsync();
        var ids = await db.Forbund.ToDictionaryAsync(f => f.Organisationsnummer, f => f.Id);
        return (ids[DemoSeeder.Organisationsnummer], ids[DemoSeeder.NordvikOrganisationsnummer]);
    }

    private Formularversioner Versioner(InsatsFlowDbContext db) =>
        new(Katalog, new EfEngineStore(db), new DefinitionRegistry(new EngineOptions(), new AllDaysCalendar()), clock, new Formularlager(db));

    private static string EgetSchema(string rubrik) => Katalog.Schema(Formular)!.Replace("# Samråd med medlem", "# " + rubrik);

    private static TaskItem Uppgift(Guid forbund, string instans = "saknas") =>
        new() { Id = "t-" + Guid.NewGuid().ToString("N"), InstanceId = instans, TokenId = "k", ElementId = "Activity_samrad", DefinitionKey = "p",
            FormKey = Formular, TenantId = AktivtForbund.Tenant(forbund) };

    private async Task<(TestDatabase Databas, Guid Demo, Guid Nordvik)> MedImporteradeFormularAsync(DatabaseProvider databas)
    {
        var database = await TestDatabase.CreateAsync(databas);
        var (demo, nordvik) = await TvaForbundAsync(database);
        await using var db = database.NewContext();
        await Versioner(db).ImporteraAsync();
        return (database, demo, nordvik);
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Forbundets_egna_formular_galler_dess_uppgifter_och_inte_det_andra_forbundets(DatabaseProvider databas)
    {
        var (database, demo, nordvik) = await MedImporteradeFormularAsync(databas);
        await using var _ = database;
        await using var db = database.NewContext();
        var versioner = Versioner(db);

        var (egen, fel) = await versioner.PubliceraAsync(Formular, nordvik, EgetSchema("Nordviks samråd"), "kansli.nordvik@demo.insatsflow.se");
        var nordviks = await versioner.ForUppgiftAsync(Uppgift(nordvik));
        var demos = await versioner.ForUppgiftAsync(Uppgift(demo));

        fel.Should().BeEmpty();
        egen!.Version.Should().Be(1, "each förbund numbers its own versions");
        nordviks!.ForbundId.Should().Be(nordvik);
        nordviks.Schema.Should().Contain("Nordviks samråd");
        demos!.ForbundId.Should().BeNull();
        demos.Schema.Should().Be(Katalog.Schema(Formular));
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Ett_forbunds_utkast_och_versioner_syns_inte_for_ett_annat_forbund(DatabaseProvider databas)
    {
        var (database, demo, nordvik) = await MedImporteradeFormularAsync(databas);
        await using var _ = database;
        await using var db = database.NewContext();
        var versioner = Versioner(db);
        var lager = new Formularlager(db);
        await lager.SparaUtkastAsync(new Formularutkast(Formular, EgetSchema("Utkast"), clock.GetUtcNow(), "kansli.nordvik", Formularversioner.Agare(nordvik)));
        await versioner.PubliceraAsync(Formular, nordvik, EgetSchema("Nordviks samråd"), "kansli.nordvik");

        (await lager.UtkastAsync(Formular, Formularversioner.Agare(demo))).Should().BeNull();
        (await versioner.GallandeAsync(Formular, demo))!.ForbundId.Should().BeNull();
        (await versioner.ListaAsync(demo)).Should().OnlyContain(v => v.ForbundId == null);
        (await versioner.ListaAsync(nordvik)).Should().ContainSingle(v => v.ForbundId == nordvik).Which.FormKey.Should().Be(Formular);
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Aterkallat_formular_ger_standardformularet_igen_och_forbundets_versioner_finns_kvar(DatabaseProvider databas)
    {
        var (database, _, nordvik) = await MedImporteradeFormularAsync(databas);
        await using var __ = database;
        await using var db = database.NewContext();
        var versioner = Versioner(db);
        await versioner.PubliceraAsync(Formular, nordvik, EgetSchema("Nordviks samråd"), "kansli.nordvik");

        var aterkallad = await versioner.AterkallaAsync(Formular, nordvik, "kansli.nordvik");
        var efter = await versioner.ForUppgiftAsync(Uppgift(nordvik));

        aterkallad!.Aterkallad.Should().BeTrue();
        efter!.ForbundId.Should().BeNull();
        (await new Formularlager(db).VersionerAsync(Formular, Formularversioner.Agare(nordvik))).Select(v => v.Version).Should().Equal(1, 2);
        (await versioner.AterkallaAsync(Formular, nordvik, "kansli.nordvik")).Should().BeNull("nothing is left to withdraw");
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Pagaende_arende_bundet_vid_driftsattning_behaller_forbundets_formular_efter_aterkallelsen(DatabaseProvider databas)
    {
        var (database, _, nordvik) = await MedImporteradeFormularAsync(databas);
        await using var __ = database;
        await using var db = database.NewContext();
        var versioner = Versioner(db);
        clock.Advance(TimeSpan.FromMinutes(1));
        await versioner.PubliceraAsync(Formular, nordvik, EgetSchema("Nordviks samråd"), "kansli.nordvik");
        clock.Advance(TimeSpan.FromMinutes(1));
        db.Add(new ProcessDefinition
        {
            Id = "samrad:1", Key = "samrad", Version = 1, ContentHash = "x", DeployedAt = clock.GetUtcNow(),
            Xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
                  <bpmn:process id="samrad" isExecutable="true">
                    <bpmn:startEvent id="start" />
                    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="Activity_samrad" />
                    <bpmn:userTask id="Activity_samrad" camunda:formRef="budgetsamrad" camunda:formRefBinding="deployment" camunda:candidateGroups="kansli" />
                    <bpmn:sequenceFlow id="f2" sourceRef="Activity_samrad" targetRef="slut" />
                    <bpmn:endEvent id="slut" />
                  </bpmn:process>
                </bpmn:definitions>
                """,
        });
        db.Add(new ProcessInstance { Id = "i-samrad", DefinitionId = "samrad:1", DefinitionKey = "samrad", TenantId = AktivtForbund.Tenant(nordvik) });
        await db.SaveChangesAsync();
        clock.Advance(TimeSpan.FromMinutes(1));

        await versioner.AterkallaAsync(Formular, nordvik, "kansli.nordvik");
        var pagaende = await versioner.ForUppgiftAsync(Uppgift(nordvik, "i-samrad"));

        pagaende!.ForbundId.Should().Be(nordvik);
        pagaende.Schema.Should().Contain("Nordviks samråd");
    }

    private static ServiceProvider Tjanster(InsatsFlowDbContext db, TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        services.AddDokument(new DokumentOptions { Mallkatalog = Repo("templates") });
        services.AddSingleton(db);
        return services.BuildServiceProvider();
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Forbundets_egna_beslutsbrev_skriver_dess_dokument_och_arkivet_anger_mallversionen(DatabaseProvider databas)
    {
        await using var database = await TestDatabase.CreateAsync(databas);
        var (demo, nordvik) = await TvaForbundAsync(database);
        await using var db = database.NewContext();
        await using var tjanster = Tjanster(db, clock);
        await using var scope = tjanster.CreateAsyncScope();
        var mallar = scope.ServiceProvider.GetRequiredService<Forbundsmallar>();
        await mallar.PubliceraAsync(nordvik, "beslutsbrev", "<p>Beslut från Nordvik</p>\n<p>Nordviks underskrift</p>", "kansli.nordvik");

        var dokument = await scope.ServiceProvider.GetRequiredService<Dokumentproduktion>()
            .ProduceraAsync(Dokumenttyp.Beslutsbrev, new { }, "i-nordvik", "SF 2026/001", nordvik);
        await db.SaveChangesAsync();

        dokument.Html.Should().Contain("Nordviks underskrift");
        dokument.MallVersion.Should().Be(1);
        (await db.Set<ArkiveratDokument>().AsNoTracking().SingleAsync(d => d.Id == dokument.Id)).MallVersion.Should().Be(1);
        var demos = await mallar.GallandeAsync(demo, "beslutsbrev");
        demos.Version.Should().BeNull("another förbund's documents use the file");
        demos.Mall.Sha256.Should().Be(scope.ServiceProvider.GetRequiredService<TemplateStore>().Hamta("beslutsbrev").Sha256);
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task En_mall_med_fel_nekas_med_mallens_namn_och_rad_och_inget_sparas(DatabaseProvider databas)
    {
        await using var database = await TestDatabase.CreateAsync(databas);
        var (_, nordvik) = await TvaForbundAsync(database);
        await using var db = database.NewContext();
        await using var tjanster = Tjanster(db, clock);
        await using var scope = tjanster.CreateAsyncScope();
        var mallar = scope.ServiceProvider.GetRequiredService<Forbundsmallar>();

        var (version, fel) = await mallar.PubliceraAsync(nordvik, "beslutsbrev", "<p>Hej</p>\n\n{{ include 'annan.sbn' }}", "kansli.nordvik");

        version.Should().BeNull();
        fel.Should().ContainSingle().Which.ToString().Should().StartWith("Mallen beslutsbrev rad 3").And.Contain("include är inte tillåtet");
        (await mallar.VersionerAsync(nordvik, "beslutsbrev")).Should().BeEmpty();
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Aterkallad_mall_ger_den_levererade_filen_igen_och_versionerna_finns_kvar(DatabaseProvider databas)
    {
        await using var database = await TestDatabase.CreateAsync(databas);
        var (_, nordvik) = await TvaForbundAsync(database);
        await using var db = database.NewContext();
        await using var tjanster = Tjanster(db, clock);
        await using var scope = tjanster.CreateAsyncScope();
        var mallar = scope.ServiceProvider.GetRequiredService<Forbundsmallar>();
        await mallar.PubliceraAsync(nordvik, "beslutsbrev", "<p>Nordvik</p>", "kansli.nordvik");

        await mallar.AterkallaAsync(nordvik, "beslutsbrev", "kansli.nordvik");

        (await mallar.GallandeAsync(nordvik, "beslutsbrev")).Version.Should().BeNull();
        (await mallar.VersionerAsync(nordvik, "beslutsbrev")).Select(v => (v.Version, v.Aterkallad)).Should().Equal((1, false), (2, true));
    }
}
