using InsatsFlow.Core.Dokument;
using InsatsFlow.Core.Dokument.Modeller;
using InsatsFlow.Core.Kalender;
using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Core.Tests.Dokument;
using InsatsFlow.Data;
using InsatsFlow.Data.Engine;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Tests.Notifieringar;

/// <summary>The escalation sendTask of workflows/insats-livscykel.bpmn against real engine task rows.</summary>
public sealed class NotifieringHandlerTests : IDisposable
{
    private static readonly DokumentRenderer Renderer = Mallkatalog.Renderer(TemplateStore.LaddaFran(Mallkatalog.Repositoriets()));

    private readonly UtkorgMiljo _miljo = new();

    // Thursday 19 November 2026 10:00 in Stockholm.
    private static readonly DateTimeOffset Nu = new(2026, 11, 19, 9, 0, 0, TimeSpan.Zero);

    public void Dispose() => _miljo.Dispose();

    private sealed class Byggare : IPaminnelsemodellbyggare
    {
        public List<Paminnelsetillfalle> Tillfallen { get; } = [];

        public Task<PaminnelseModell> ByggAsync(Paminnelsetillfalle t, CancellationToken cancellationToken)
        {
            Tillfallen.Add(t);
            return Task.FromResult(new PaminnelseModell(Exempelmodeller.Forbund, t.Mottagare.Id, t.Niva, t.Uppgift.Name ?? t.Uppgift.ElementId,
                "Steget vidare", t.Steg.BusinessKey, t.Forfallodatum, t.ArbetsdagarKvar, t.Uppgift.Assignee, null));
        }
    }

    private async Task LaggTillUppgift(string id, string? tilldelad, string grupper, DateTimeOffset frist, TaskState tillstand = TaskState.Open)
    {
        await using var db = _miljo.Databas.NyContext();
        db.Add(new TaskItem
        {
            Id = id, InstanceId = "inst-1", TokenId = "tok-" + id, ElementId = "Activity_idefas", Name = "Idé att bereda",
            DefinitionKey = "insats-livscykel", BusinessKey = "SFNA 2026/14", Assignee = tilldelad,
            CandidateGroups = grupper, DueAt = frist, State = tillstand, CreatedAt = Nu.AddDays(-20),
        });
        await db.SaveChangesAsync();
    }

    private static ServiceTaskContext Steg(string mottagare, string elementId = "Activity_idefas_paminnelse") => new(
        "inst-1", "insats-livscykel", "SFNA 2026/14", elementId, new Dictionary<string, object?>(),
        new Dictionary<string, string> { ["mottagare"] = mottagare, ["uppgift"] = "Activity_idefas", ["mall"] = "paminnelse" }, Nu);

    private async Task<(List<Notifiering> Koade, Byggare Byggare)> Kor(ServiceTaskContext steg)
    {
        var byggare = new Byggare();
        await using (var db = _miljo.NyContext())
        {
            var handler = new NotifieringHandler(new EfEngineStore(db), new SvenskaArbetsdagar(), new Paminnelseutskick(Renderer, _miljo.Utkorg(db)), [byggare]);
            await handler.ExecuteAsync(steg, CancellationToken.None);
            await db.SaveChangesAsync();
        }
        await using var las = _miljo.Databas.NyContext();
        return (await las.Set<Notifiering>().AsNoTracking().ToListAsync(), byggare);
    }

    [Fact]
    public async Task Den_tilldelade_paminns_fore_fristen_med_arbetsdagarna_kvar()
    {
        // Due Tuesday 24 November: Friday, Monday, Tuesday = 3 working days.
        await LaggTillUppgift("t1", "ali", "|kansli|", new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

        var (koade, byggare) = await Kor(Steg("tilldelad"));

        var rad = koade.Should().ContainSingle().Subject;
        rad.Mottagare.Should().Be(Mottagare.Anvandare("ali"));
        rad.Amne.Should().StartWith("Påminnelse: Idé att bereda");
        rad.Innehall.Should().Contain("om 3 arbetsdagar");
        rad.ProcessInstansId.Should().Be("inst-1");
        byggare.Tillfallen.Single().Niva.Should().Be("påminnelse");
    }

    [Fact]
    public async Task En_oklaimad_uppgift_paminner_kandidatgruppen()
    {
        await LaggTillUppgift("t1", null, "|beredningsgrupp|", Nu);

        var (koade, byggare) = await Kor(Steg("tilldelad"));

        koade.Should().ContainSingle().Which.Mottagare.Should().Be(Mottagare.Grupp("beredningsgrupp"));
        byggare.Tillfallen.Single().Niva.Should().Be("förfallen");
        byggare.Tillfallen.Single().ArbetsdagarKvar.Should().Be(0);
    }

    [Fact]
    public async Task Eskaleringen_gar_till_forbundschefen_med_antalet_forsenade_arbetsdagar()
    {
        // Due Thursday 12 November: one week of five working days ago.
        await LaggTillUppgift("t1", "ali", "|kansli|", new DateTimeOffset(2026, 11, 12, 9, 0, 0, TimeSpan.Zero));

        var (koade, byggare) = await Kor(Steg("forbundschef", "Activity_idefas_eskalering"));

        var rad = koade.Should().ContainSingle().Subject;
        rad.Mottagare.Should().Be(Mottagare.Grupp(NotifieringHandler.Forbundschef));
        rad.Amne.Should().StartWith("Eskalering:");
        rad.Innehall.Should().Contain("är 5 arbetsdagar försenad");
        byggare.Tillfallen.Single().ArbetsdagarKvar.Should().Be(-5);
    }

    [Fact]
    public async Task En_uppgift_som_hunnit_slutforas_ger_ingen_paminnelse()
    {
        await LaggTillUppgift("t1", "ali", "|kansli|", Nu, TaskState.Completed);

        var (koade, _) = await Kor(Steg("tilldelad"));

        koade.Should().BeEmpty();
    }

    [Fact]
    public async Task En_okand_mottagartyp_avvisas_med_elementet_namngivet()
    {
        await FluentActions.Awaiting(() => Kor(Steg("styrelsen")))
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("*Activity_idefas_paminnelse*\"styrelsen\"*tilldelad eller forbundschef*");
    }
}
