using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Schemalaggning;
using InsatsFlow.Data.Schemalaggning;
using InsatsFlow.Engine.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using static InsatsFlow.Engine.Tests.Harness.Bpmn;

namespace InsatsFlow.Engine.Tests.Tidsfrister;

public class ArshandelseTests
{
    private static readonly Arskalender Kalender = Arskalender.Las(new ArskalenderOptions
    {
        Handelser = new()
        {
            ["StartaBudgetprocess"] = "0 0 8 1 8 ?",
            ["BudgetEjAntagen"] = "0 0 8 1,15,25 11 ?",
            ["Budgetbrott"] = "0 0 8 1 12 ?",
        },
    });

    private static async Task<Forbund> ForbundAsync(EngineHarness h, string namn = "Förbundet", string organisationsnummer = "222000-0148")
    {
        var forbund = new Forbund { Namn = namn, Organisationsnummer = organisationsnummer };
        await h.WithDbAsync(db =>
        {
            db.Add(forbund);
            return db.SaveChangesAsync();
        });
        return forbund;
    }

    private static async Task<int> KomIkappAsync(EngineHarness h)
    {
        var nu = h.Clock.GetUtcNow();
        var gjort = 0;
        foreach (var handelse in Kalender.Cron.Keys)
            foreach (var tidpunkt in Kalender.Tidpunkter(handelse, nu - Kalender.Efterhandsfonster, nu))
            {
                using var scope = h.Services.CreateScope();
                gjort += (await scope.ServiceProvider.GetRequiredService<Arshandelser>().UtforAsync(handelse, tidpunkt)).Count;
            }
        return gjort;
    }

    [Fact]
    public async Task Brottet_1_december_flaggas_till_styrelsen_och_kansliet_nar_budgeten_inte_ar_antagen()
    {
        using var h = FristHarness.Skapa(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero));
        var forbund = await ForbundAsync(h);
        using var scope = h.Services.CreateScope();
        var gjort = await scope.ServiceProvider.GetRequiredService<Arshandelser>().UtforAsync(Arshandelse.Budgetbrott, h.Clock.GetUtcNow());

        gjort.Should().HaveCount(2);
        var rader = await h.UtkorgAsync();
        rader.Select(r => r.Mottagare.ToString()).Should().BeEquivalentTo("gruppen styrelse", "gruppen kansli");
        rader.Should().OnlyContain(r => r.Amne.Contains("budgeten för 2027") && r.ForbundId == forbund.Id);
    }

    [Fact]
    public async Task Ett_forbunds_antagna_budget_tystar_inte_ett_annat_forbunds_eskalering()
    {
        using var h = FristHarness.Skapa(new DateTimeOffset(2026, 11, 15, 7, 0, 0, TimeSpan.Zero));
        var antog = await ForbundAsync(h, "Antog", "222000-0148");
        var antogInte = await ForbundAsync(h, "Antog inte", "222000-0155");
        await h.WithDbAsync(db =>
        {
            db.Add(new Arsbudget { ForbundId = antog.Id, Ar = 2027, AntagenDatum = new DateOnly(2026, 11, 10) });
            return db.SaveChangesAsync();
        });

        using var scope = h.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Arshandelser>().UtforAsync(Arshandelse.BudgetEjAntagen, h.Clock.GetUtcNow());

        var rader = await h.UtkorgAsync();
        rader.Select(r => r.Mottagare.ToString()).Should().BeEquivalentTo("gruppen forbundschef", "gruppen styrelse");
        rader.Should().OnlyContain(r => r.ForbundId == antogInte.Id, "the förbundschef and styrelse told are those of the förbund whose budget is missing");
    }

    [Fact]
    public async Task Efter_ett_driftstopp_over_novembers_eskaleringar_sker_varje_en_gang()
    {
        using var h = FristHarness.Skapa(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        await ForbundAsync(h);

        (await KomIkappAsync(h)).Should().Be(8); // 1, 15, 25 november and 1 december, to two recipients each
        h.Restart();
        (await KomIkappAsync(h)).Should().Be(0);
        (await h.UtkorgAsync()).Should().HaveCount(8);
    }

    [Fact]
    public async Task En_antagen_budget_ger_ingen_eskalering()
    {
        using var h = FristHarness.Skapa(new DateTimeOffset(2026, 11, 15, 7, 0, 0, TimeSpan.Zero));
        await h.WithDbAsync(async db =>
        {
            var forbund = new Forbund { Namn = "Förbundet", Organisationsnummer = "222000-0148" };
            db.Add(forbund);
            db.Add(new Arsbudget { ForbundId = forbund.Id, Ar = 2027, AntagenDatum = new DateOnly(2026, 11, 10) });
            return await db.SaveChangesAsync();
        });
        using var scope = h.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<Arshandelser>().UtforAsync(Arshandelse.BudgetEjAntagen, h.Clock.GetUtcNow()))
            .Should().BeEmpty();
    }

    [Fact]
    public async Task Budgetprocessen_for_nasta_ar_startas_1_augusti_en_gang()
    {
        using var h = FristHarness.Skapa(new DateTimeOffset(2026, 8, 1, 6, 0, 0, TimeSpan.Zero));
        await h.DeployAsync(Process("budgetprocess", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="samrad" camunda:candidateGroups="kansli" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="samrad" />
            """));
        var forbund = new Forbund { Namn = "Förbundet", Organisationsnummer = "222000-0148" };
        await h.WithDbAsync(db =>
        {
            db.Add(forbund);
            return db.SaveChangesAsync();
        });

        for (var i = 0; i < 2; i++)
        {
            using var scope = h.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<Arshandelser>().UtforAsync(Arshandelse.StartaBudgetprocess, h.Clock.GetUtcNow());
        }

        var instanser = await h.RunAsync(e => e.FindInstancesAsync("budgetprocess"));
        instanser.Should().ContainSingle().Which.BusinessKey.Should().Be($"budget-2027-{forbund.Id:N}");
        Convert.ToInt32((await h.InstanceAsync(instanser[0].Id)).Variables["budgetar"]).Should().Be(2027);
    }

    [Fact]
    public async Task Ett_forbunds_budgetstart_som_fallerar_tar_inte_bort_ett_annat_forbunds_koade_notifiering()
    {
        using var h = FristHarness.Skapa(new DateTimeOffset(2026, 8, 1, 6, 0, 0, TimeSpan.Zero));
        var fungerar = new Forbund { Id = Guid.Parse("00000000-0000-0000-0000-00000000000a"), Namn = "Fungerar", Organisationsnummer = "222000-0148" };
        var trasigt = new Forbund { Id = Guid.Parse("ffffffff-0000-0000-0000-00000000000b"), Namn = "Trasigt", Organisationsnummer = "222000-0155" };
        // the start refuses the second förbund's input (an expression fails on forbundId), so its command throws
        var fallerar = "${forbundId == \"" + trasigt.Id + "\" && forbundId.Substring(100) == \"\"}";
        await h.DeployAsync(Process("budgetprocess", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="kontroll" default="vidare" />
            <bpmn:userTask id="samrad" camunda:candidateGroups="kansli" />
            <bpmn:endEvent id="slut" />
            {{Flow("f1", "start", "kontroll")}}
            {{Flow("vidare", "kontroll", "samrad")}}
            {{Flow("aldrig", "kontroll", "slut", fallerar)}}
            """));
        await h.WithDbAsync(db =>
        {
            db.AddRange(fungerar, trasigt);
            return db.SaveChangesAsync();
        });

        using (var scope = h.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<Arshandelser>().UtforAsync(Arshandelse.StartaBudgetprocess, h.Clock.GetUtcNow());

        (await h.RunAsync(e => e.FindInstancesAsync("budgetprocess"))).Should().ContainSingle()
            .Which.BusinessKey.Should().Be($"budget-2027-{fungerar.Id:N}");
        (await h.UtkorgAsync()).Should().ContainSingle().Which.Amne.Should().Be("Budgetprocessen för 2027 har startat");
    }
}
