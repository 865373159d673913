using InsatsFlow.Core.Domain;
using InsatsFlow.Engine;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Tests.Regelprovning;

public sealed class RegelunderlagTests
{
    private static readonly DateOnly Idag = new(2026, 11, 25);

    private static async Task<DecisionResult> ProvaAsync(Regelmiljo miljo, string regelverk, Dictionary<string, object?> variabler) =>
        await miljo.ProvaAsync(regelverk, Idag, variabler);

    private static async Task<Insats> InsatsAsync(Regelmiljo miljo, string titel) =>
        await miljo.Db.Insatser.SingleAsync(i => i.Titel == titel);

    [Theory]
    [InlineData("ansokan-komplett")]
    [InlineData("berorda-parter")]
    [InlineData("malgrupp")]
    [InlineData("stodberattigande-kostnader")]
    public async Task Halsodiskens_ansokan_klarar_ansokansgrindarna(string regelverk)
    {
        await using var miljo = await Regelmiljo.SkapaAsync();
        var insats = await InsatsAsync(miljo, "Hälsodisken");

        var resultat = await ProvaAsync(miljo, regelverk, new() { ["insatsId"] = insats.Id.ToString() });

        resultat.Passed.Should().BeTrue(string.Join("; ", (IEnumerable<object?>)resultat.Output["fel"]!));
    }

    [Fact]
    public async Task En_insats_med_en_enda_medlem_stoppas_av_kravet_pa_tva_parter()
    {
        await using var miljo = await Regelmiljo.SkapaAsync();
        var rodret = await InsatsAsync(miljo, "Rodret");

        var resultat = await ProvaAsync(miljo, "berorda-parter", new() { ["insatsId"] = rodret.Id.ToString() });

        resultat.Passed.Should().BeFalse();
    }

    [Fact]
    public async Task En_idefas_utan_behovsgrupp_och_aktiviteter_ar_inte_komplett()
    {
        await using var miljo = await Regelmiljo.SkapaAsync();
        var livsstodjarna = await InsatsAsync(miljo, "Livsstödjarna");

        var resultat = await ProvaAsync(miljo, "ansokan-komplett", new() { ["insatsId"] = livsstodjarna.Id.ToString() });

        resultat.Passed.Should().BeFalse();
        resultat.Output["regelverk"].Should().Be("ansokan-komplett");
    }

    [Fact]
    public async Task Utesluten_kostnadstyp_stoppar_ansokan()
    {
        await using var miljo = await Regelmiljo.SkapaAsync();
        var insats = await InsatsAsync(miljo, "Unga vuxna – psykologsamtal");
        insats.Budgetrader.Add(new() { Kostnadstyp = "busskort", Ar = 2027, Belopp = 12_000m });
        await miljo.Db.SaveChangesAsync();

        var resultat = await ProvaAsync(miljo, "stodberattigande-kostnader", new() { ["insatsId"] = insats.Id.ToString() });

        resultat.Passed.Should().BeFalse();
    }

    [Fact]
    public async Task Arets_antagna_budget_uppfyller_30_novemberregeln_balanskravet_och_medlemsandelarna()
    {
        await using var miljo = await Regelmiljo.SkapaAsync();

        foreach (var regelverk in new[] { "budgetbeslut", "balanskrav", "medlemsandelar" })
        {
            var resultat = await ProvaAsync(miljo, regelverk, new() { ["budgetar"] = 2026 });
            resultat.Passed.Should().BeTrue($"{regelverk}: {string.Join("; ", (IEnumerable<object?>)resultat.Output["fel"]!)}");
        }
    }

    [Fact]
    public async Task Nasta_ars_budget_utan_samrad_med_alla_medlemmar_uppfyller_inte_budgetbeslutet()
    {
        await using var miljo = await Regelmiljo.SkapaAsync();

        var resultat = await ProvaAsync(miljo, "budgetbeslut", new() { ["budgetar"] = 2027 });

        resultat.Passed.Should().BeFalse();
    }

    [Fact]
    public async Task Provningen_sparas_med_indata_fran_domanen()
    {
        await using var miljo = await Regelmiljo.SkapaAsync();
        var insats = await InsatsAsync(miljo, "Hälsodisken");

        var resultat = await ProvaAsync(miljo, "malgrupp", new() { ["insatsId"] = insats.Id.ToString() });

        var sparad = await miljo.Db.Set<InsatsFlow.Data.Rules.Regelprovning>().FindAsync(Guid.Parse(resultat.EvaluationId!));
        sparad!.IndataJson.Should().Contain("\"malgruppAlderFran\":18");
        sparad.ProcessInstanceId.Should().Be("instans-1");
    }
}
