using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Core.Regelprovning;
using InsatsFlow.Engine.Store;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Tests.Livscykel;

/// <summary>The budget year's deadlines and how they are printed.</summary>
public sealed class BudgetfristTests : IDisposable
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
    private readonly Livscykelmiljo miljo = new(new DateTimeOffset(2028, 8, 14, 7, 0, 0, TimeSpan.Zero));

    private async Task<string> TillAntagandeAsync()
    {
        var instans = await miljo.StartaBudgetAsync(2029);
        foreach (var uppgift in (await miljo.Harness.OpenTasksAsync(instans)).Where(t => t.ElementId == "Activity_samrad"))
            (await miljo.SlutforUppgiftAsync(uppgift, new { samradsdatum = "2028-09-15" }, "kajsa.kansli")).Fel.Should().BeEmpty();
        await miljo.KlarAsync(instans, "Activity_budgetforslag", new
        {
            intakter = new object[] { new { medlem = "Försäkringskassan", belopp = 4_000_000m }, new { medlem = "Region Dalarna", belopp = 2_000_000m }, new { medlem = "Norrby kommun", belopp = 2_000_000m } },
            kostnader = new object[] { new { omrade = "Insatser", belopp = 7_000_000m } },
        });
        await miljo.KlarAsync(instans, "Activity_publicering", new { publiceringsdatum = "2028-10-20", webbadress = "https://alvdalen.samordning.se/budget-2029" });
        return instans;
    }

    [Fact]
    public async Task Budgeten_ska_antas_senast_30_november_och_forfaller_forst_nar_dagen_ar_slut()
    {
        var instans = await TillAntagandeAsync();

        var antagande = (await miljo.Harness.OpenTasksAsync(instans)).Single(t => t.ElementId == "Activity_budgetantagande");

        var lokal = TimeZoneInfo.ConvertTime(antagande.DueAt!.Value, Stockholm);
        lokal.Date.Should().Be(new DateTime(2028, 11, 30));
        lokal.TimeOfDay.Should().Be(new TimeSpan(23, 59, 59));
        var mittPaSistaDagen = new DateTimeOffset(2028, 11, 30, 12, 0, 0, TimeSpan.FromHours(1));
        (antagande.DueAt > mittPaSistaDagen).Should().BeTrue("hela den sista dagen räknas");
    }

    [Fact]
    public async Task Budgetaret_lagras_som_heltal()
    {
        var instans = await miljo.StartaBudgetAsync(2029);

        var variabler = await miljo.VariablerAsync(instans);

        variabler["budgetar"].Should().BeOfType<long>().Which.Should().Be(2029);
        Processvariabler.Text(variabler, Processvariabler.Budgetar).Should().Be("2029");
    }

    [Fact]
    public async Task Paminnelsen_om_antagandet_skriver_budgetaret_utan_decimaler()
    {
        var instans = await TillAntagandeAsync();

        await miljo.TillNastaTimerAsync(instans);

        var notiser = await miljo.Harness.WithDbAsync(db => db.Set<Notifiering>().AsNoTracking().Where(n => n.ProcessInstansId == instans).ToListAsync());
        notiser.Should().NotBeEmpty();
        notiser.Should().AllSatisfy(n => (n.Amne + n.Innehall).Should().NotContain("2029.0").And.NotContain("2029,0"));
        notiser.Should().Contain(n => (n.Amne + n.Innehall).Contains("Budget 2029"));
    }

    public void Dispose() => miljo.Dispose();
}
