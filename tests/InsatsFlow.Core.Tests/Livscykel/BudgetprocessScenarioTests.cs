using InsatsFlow.Engine.Store;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Tests.Livscykel;

public sealed class BudgetprocessScenarioTests : IDisposable
{
    private readonly Livscykelmiljo miljo = new(new DateTimeOffset(2028, 8, 14, 7, 0, 0, TimeSpan.Zero));

    private async Task<string> TillAntagandeAsync()
    {
        var instans = await miljo.StartaBudgetAsync(2029);
        var samrad = (await miljo.Harness.OpenTasksAsync(instans)).Where(t => t.ElementId == "Activity_samrad").ToList();
        samrad.Should().HaveCount(5);
        foreach (var uppgift in samrad)
            (await miljo.SlutforUppgiftAsync(uppgift, new { samradsdatum = "2028-09-15" }, "kajsa.kansli")).Fel.Should().BeEmpty();
        await miljo.KlarAsync(instans, "Activity_budgetforslag", new
        {
            intakter = new object[]
            {
                new { medlem = "Försäkringskassan", belopp = 2_000_000m }, new { medlem = "Arbetsförmedlingen", belopp = 2_000_000m },
                new { medlem = "Region Dalarna", belopp = 2_000_000m }, new { medlem = "Norrby kommun", belopp = 1_000_000m },
                new { medlem = "Söderby kommun", belopp = 1_000_000m },
            },
            kostnader = new object[]
            {
                new { omrade = "Styrelse", belopp = 200_000m }, new { omrade = "Administration", belopp = 1_200_000m },
                new { omrade = "Revision", belopp = 100_000m }, new { omrade = "Insatser", belopp = 6_400_000m },
            },
        });
        await miljo.KlarAsync(instans, "Activity_publicering", new { publiceringsdatum = "2028-10-20", webbadress = "https://alvdalen.samordning.se/budget-2029" });
        (await miljo.OppnaAsync(instans)).Should().Equal("Activity_budgetantagande");
        return instans;
    }

    [Fact]
    public async Task Budget_antagen_20_november_efter_samrad_med_alla_medlemmar_antas()
    {
        var instans = await TillAntagandeAsync();

        await miljo.KlarAsync(instans, "Activity_budgetantagande", new { sammantradesdatum = "2028-11-20", paragraf = 101, antagenDatum = "2028-11-20" });

        foreach (var grind in new[] { "budgetbeslut", "balanskrav", "medlemsandelar" })
        {
            var resultat = await miljo.RegelresultatAsync(instans, grind);
            resultat["uppfylld"].Should().Be(true, $"{grind}: {string.Join("; ", (IEnumerable<object?>)resultat["fel"]!)}");
        }
        (await miljo.Harness.InstanceAsync(instans)).Tokens.Select(t => t.ElementId).Should().Equal("Event_budgetaret_slut");
        var budget = await miljo.Harness.WithDbAsync(db => db.Arsbudgetar.AsNoTracking().SingleAsync(b => b.ForbundId == miljo.Forbund.Id && b.Ar == 2029));
        budget.AntagenDatum.Should().Be(new DateOnly(2028, 11, 20));
        budget.Samrad.Should().HaveCount(5);
        budget.SummaIntakter.Should().Be(8_000_000m);
    }

    [Fact]
    public async Task Budget_antagen_1_december_bryter_mot_30_novemberregeln_och_gar_tillbaka_till_forslaget()
    {
        var instans = await TillAntagandeAsync();

        await miljo.KlarAsync(instans, "Activity_budgetantagande", new { sammantradesdatum = "2028-12-01", paragraf = 120, antagenDatum = "2028-12-01" });

        (await miljo.OppnaAsync(instans)).Should().Equal("Activity_budgetforslag");
        var resultat = await miljo.RegelresultatAsync(instans, "budgetbeslut");
        resultat["uppfylld"].Should().Be(false);
        ((IEnumerable<object?>)resultat["fel"]!).Select(f => f?.ToString()).Should().Contain(f => f!.Contains("30 november"));
        (await miljo.Harness.PathAsync(instans)).Should().NotContain("Activity_beslut_budget");
    }

    [Fact]
    public async Task Arsredovisningen_upprattad_i_mars_avslutar_budgetaret()
    {
        var instans = await TillAntagandeAsync();
        await miljo.KlarAsync(instans, "Activity_budgetantagande", new { antagenDatum = "2028-11-20" });

        await miljo.TillNastaTimerAsync(instans);
        await miljo.KlarAsync(instans, "Activity_arsredovisning", new { framtagenDatum = "2030-02-20" });
        await miljo.KlarAsync(instans, "Activity_arsredovisning_upprattad", new { upprattadDatum = "2030-03-25" });

        (await miljo.Harness.InstanceAsync(instans)).Instance.Status.Should().Be(InstanceStatus.Completed);
        (await miljo.Harness.PathAsync(instans)).Should().EndWith("Event_arsredovisning_klar");
    }

    public void Dispose() => miljo.Dispose();
}
