using InsatsFlow.Engine.Store;

namespace InsatsFlow.Core.Tests.Livscykel;

/// <summary>FINSAM 23 §: samråd with every member before the budget is adopted, recorded for the medlem it concerns.</summary>
public sealed class BudgetsamradTests : IDisposable
{
    private readonly Livscykelmiljo miljo = new(new DateTimeOffset(2028, 8, 14, 7, 0, 0, TimeSpan.Zero));

    private async Task<string> TillAntagandeAsync(string sentSamradMed, string sentDatum)
    {
        var instans = await miljo.StartaBudgetAsync(2029);
        foreach (var uppgift in (await miljo.Harness.OpenTasksAsync(instans)).Where(t => t.ElementId == "Activity_samrad"))
        {
            var medlem = await MedlemAsync(instans, uppgift);
            (await miljo.SlutforUppgiftAsync(uppgift, new { samradsdatum = medlem == sentSamradMed ? sentDatum : "2028-09-15" }, "kajsa.kansli")).Fel.Should().BeEmpty();
        }
        await miljo.KlarAsync(instans, "Activity_budgetforslag", new
        {
            intakter = new object[] { new { medlem = "Försäkringskassan", belopp = 4_000_000m }, new { medlem = "Region Dalarna", belopp = 2_000_000m }, new { medlem = "Norrby kommun", belopp = 2_000_000m } },
            kostnader = new object[] { new { omrade = "Insatser", belopp = 7_000_000m } },
        });
        await miljo.KlarAsync(instans, "Activity_publicering", new { publiceringsdatum = "2028-10-20", webbadress = "https://alvdalen.samordning.se/budget-2029" });
        return instans;
    }

    /// <summary>The name of the medlem a per-medlem task is for (its element variable "medlem" holds the medlem's id).</summary>
    private async Task<string?> MedlemAsync(string instans, TaskItem uppgift)
    {
        var vy = await miljo.Harness.InstanceAsync(instans);
        var id = vy.Tokens.Single(t => t.Id == uppgift.TokenId).Locals?["medlem"] as string;
        return miljo.Forbund.Medlemmar.SingleOrDefault(m => m.Id.ToString() == id)?.Namn;
    }

    [Fact]
    public async Task Ett_samrad_daterat_2022_for_budgeten_2029_avvisas_med_faltet_namngivet()
    {
        var instans = await miljo.StartaBudgetAsync(2029);
        var uppgift = (await miljo.Harness.OpenTasksAsync(instans)).First(t => t.ElementId == "Activity_samrad");

        var utfall = await miljo.SlutforUppgiftAsync(uppgift, new { samradsdatum = "2022-05-01" }, "kajsa.kansli");

        utfall.Genomford.Should().BeFalse();
        utfall.Fel.Should().ContainSingle(f => f.Falt == "samradsdatum" && f.Meddelande.Contains("2022") && f.Meddelande.Contains("2029"));
    }

    [Fact]
    public async Task Ett_antagande_daterat_langt_efter_budgetaret_avvisas_med_faltet_namngivet()
    {
        var instans = await TillAntagandeAsync("", "");

        var utfall = await miljo.SlutforAsync(instans, "Activity_budgetantagande", new { sammantradesdatum = "2028-11-20", paragraf = 101, antagenDatum = "2031-11-20" });

        utfall.Fel.Should().ContainSingle(f => f.Falt == "antagenDatum" && f.Meddelande.Contains("2031"));
    }

    [Fact]
    public async Task Ett_saknat_samrad_registreras_fran_grindens_uppgift_for_den_medlem_den_namnger()
    {
        // Söderby kommun's samråd is dated after the adoption, so there was none before it.
        var instans = await TillAntagandeAsync("Söderby kommun", "2028-11-25");
        await miljo.KlarAsync(instans, "Activity_budgetantagande", new { sammantradesdatum = "2028-11-20", paragraf = 101, antagenDatum = "2028-11-20" });

        var saknade = (await miljo.Harness.OpenTasksAsync(instans)).Where(t => t.ElementId == "Activity_saknat_samrad").ToList();
        saknade.Should().ContainSingle();
        (await MedlemAsync(instans, saknade[0])).Should().Be("Söderby kommun");

        (await miljo.SlutforUppgiftAsync(saknade[0], new { samradsdatum = "2028-10-01" }, "kajsa.kansli")).Fel.Should().BeEmpty();

        (await miljo.RegelresultatAsync(instans, "budgetbeslut"))["uppfylld"].Should().Be(true);
        (await miljo.Harness.InstanceAsync(instans)).Tokens.Select(t => t.ElementId).Should().Equal("Event_budgetaret_slut");
    }

    public void Dispose() => miljo.Dispose();
}
