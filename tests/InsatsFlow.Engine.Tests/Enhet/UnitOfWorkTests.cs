using InsatsFlow.Core.Domain;
using InsatsFlow.Data;
using InsatsFlow.Engine.Store;
using InsatsFlow.Engine.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static InsatsFlow.Engine.Tests.Harness.Bpmn;

namespace InsatsFlow.Engine.Tests.Enhet;

/// <summary>Each command owns its writes: all of them commit together, or none; a failing handler leaves none of its own.</summary>
public class UnitOfWorkTests
{
    private static readonly Guid ForbundId = Guid.Parse("00000000-0000-0000-0000-000000000001");

    /// <summary>Renames the förbund to the property "namn"; throws after renaming when the property "fel" is set.</summary>
    private sealed class Byt(InsatsFlowDbContext db) : IServiceTaskHandler
    {
        public string Name => "byt";

        public async Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            var forbund = await db.Set<Forbund>().SingleAsync(f => f.Id == ForbundId, cancellationToken);
            forbund.Namn = context.Properties["namn"];
            db.Add(new Forbund { Namn = "Sidoeffekt " + context.ElementId, Organisationsnummer = "222000-0155" });
            if (context.Properties.ContainsKey("fel")) throw new InvalidOperationException("mottagaren svarar inte");
            return null;
        }
    }

    private static string TvaSteg => Process("p", $"""
        <bpmn:startEvent id="start" />
        <bpmn:serviceTask id="forsta" camunda:type="byt">
          <bpmn:extensionElements><camunda:properties><camunda:property name="namn" value="Första" /></camunda:properties></bpmn:extensionElements>
        </bpmn:serviceTask>
        <bpmn:serviceTask id="andra" camunda:type="byt">
          <bpmn:extensionElements><camunda:properties><camunda:property name="namn" value="Andra" /><camunda:property name="fel" value="ja" /></camunda:properties></bpmn:extensionElements>
        </bpmn:serviceTask>
        <bpmn:endEvent id="slut" />
        {Flow("f1", "start", "forsta")}
        {Flow("f2", "forsta", "andra")}
        {Flow("f3", "andra", "slut")}
        """);

    private static async Task<EngineHarness> MedForbundAsync()
    {
        var h = new EngineHarness(s => s.AddScoped<IServiceTaskHandler, Byt>());
        await h.WithDbAsync(db =>
        {
            db.Add(new Forbund { Id = ForbundId, Namn = "Ursprungligt", Organisationsnummer = "222000-0148" });
            return db.SaveChangesAsync();
        });
        return h;
    }

    [Fact]
    public async Task En_hanterare_som_fallerar_efter_att_ha_andrat_en_rad_som_ett_tidigare_steg_andrat_lamnar_det_tidigare_stegets_varde()
    {
        using var h = await MedForbundAsync();
        await h.DeployAsync(TvaSteg);

        var id = (await h.StartAsync("p")).InstanceId!;

        (await h.RunAsync(e => e.IncidentsAsync(id))).Should().ContainSingle().Which.ElementId.Should().Be("andra");
        var namn = await h.WithDbAsync(db => db.Set<Forbund>().AsNoTracking().OrderBy(f => f.Namn).Select(f => f.Namn).ToListAsync());
        namn.Should().Equal("Första", "Sidoeffekt forsta");
    }

    [Fact]
    public async Task En_hanterare_som_fallerar_lamnar_bara_incidenten_och_dess_journalpost()
    {
        using var h = await MedForbundAsync();
        await h.DeployAsync(TvaSteg);
        var id = (await h.StartAsync("p")).InstanceId!;
        var fore = await h.EventsAsync(id);

        var incident = (await h.RunAsync(e => e.IncidentsAsync(id))).Single();
        await h.RunAsync(e => e.RetryIncidentAsync(incident.Id));

        (await h.EventsAsync(id)).Skip(fore.Count).Should().Equal("incident-resolved:andra", "element-entered:andra", "incident-raised:andra");
        (await h.WithDbAsync(db => db.Set<Forbund>().CountAsync())).Should().Be(2);
    }

    [Fact]
    public async Task Ett_misslyckat_kommando_lamnar_anroparens_ej_sparade_andringar_ororda()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Tasks("p", "a"));
        using var scope = h.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>();
        var engine = scope.ServiceProvider.GetRequiredService<ProcessEngine>();
        db.Add(new Forbund { Namn = "Anroparens", Organisationsnummer = "222000-0148" });

        await engine.StartAsync(new StartCommand("p"));
        (await h.WithDbAsync(d => d.Set<Forbund>().CountAsync())).Should().Be(0, "kommandot sparar inte det anroparen har på gång");
        await engine.Invoking(e => e.StartAsync(new StartCommand("saknas"))).Should().ThrowAsync<EngineNotFoundException>();
        db.ChangeTracker.Entries<Forbund>().Should().ContainSingle("kommandot rensar inte det anroparen har på gång");

        await db.SaveChangesAsync();
        (await h.WithDbAsync(d => d.Set<Forbund>().CountAsync())).Should().Be(1);
    }

    /// <summary>The database refuses the first commit that writes a definition (a full disk, a lock held too long).</summary>
    private sealed class ForstaDriftsattningenNekas : SaveChangesInterceptor
    {
        private int nekade;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context!.ChangeTracker.Entries<ProcessDefinition>().Any(e => e.State == EntityState.Added) && Interlocked.Increment(ref nekade) == 1)
                throw new DbUpdateException("databasen är full");
            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }

    [Fact]
    public async Task En_driftsattning_som_inte_sparades_glomms_och_den_ratta_driftsattningen_galler()
    {
        var nekas = new ForstaDriftsattningenNekas();
        using var h = new EngineHarness(s => s.ConfigureDbContext<InsatsFlowDbContext>(o => o.AddInterceptors(nekas)));
        await h.Invoking(x => x.DeployAsync(Tasks("p", "felaktig"))).Should().ThrowAsync<EngineConflictException>();

        var rattad = await h.DeployAsync(Tasks("p", "rattad"));

        rattad.Definitions.Single().Version.Should().Be(1);
        (await h.StartAsync("p")).ActiveElements.Should().Equal("rattad");
    }

    [Fact]
    public async Task En_slinga_utan_vantlage_blir_en_incident_som_namnger_elementet_och_gransen()
    {
        using var h = new EngineHarness(engine: o => o.StepBudget = 40);
        await h.DeployAsync(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:manualTask id="varv" />
            <bpmn:exclusiveGateway id="igen" default="tillbaka" />
            <bpmn:endEvent id="slut" />
            {Flow("f1", "start", "varv")}
            {Flow("f2", "varv", "igen")}
            {Flow("tillbaka", "igen", "varv")}
            {Flow("klar", "igen", "slut", "${false}")}
            """));

        var id = (await h.StartAsync("p")).InstanceId!;

        var incident = (await h.RunAsync(e => e.IncidentsAsync(id))).Single();
        incident.Message.Should().Contain("Slinga utan väntläge").And.Contain("40 steg");
        incident.ElementId.Should().BeOneOf("varv", "igen");
        (await h.InstanceAsync(id)).Instance.Status.Should().Be(InstanceStatus.Running);
    }
}
