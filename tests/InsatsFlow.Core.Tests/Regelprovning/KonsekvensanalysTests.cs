namespace InsatsFlow.Core.Tests.Regelprovning;

public sealed class KonsekvensanalysTests
{
    private static async Task<Konsekvensmiljo> FyraBudgetarAsync()
    {
        var miljo = new Konsekvensmiljo();
        await miljo.BudgetGenomGrindAsync(2025, 10_000_000m, 9_900_000m); // 1 % överskott
        await miljo.BudgetGenomGrindAsync(2026, 10_000_000m, 9_500_000m); // 5 %
        await miljo.BudgetGenomGrindAsync(2027, 10_000_000m, 9_950_000m); // 0,5 %
        await miljo.BudgetGenomGrindAsync(2028, 10_000_000m, 10_100_000m); // underskott
        return miljo;
    }

    private static readonly string Strangare = Konsekvensmiljo.Balanskrav("2025.1", "2024-06-01",
        "budget.intakter - budget.kostnader >= param.minstaOverskott * budget.intakter", "\"minstaOverskott\": 0.02");

    [Fact]
    public async Task Ett_strangare_balanskrav_listar_exakt_de_budgetar_det_skulle_underkanna()
    {
        using var miljo = await FyraBudgetarAsync();

        var rapport = (await miljo.AnalyseraAsync(Strangare)).Rapport!;

        rapport.Omprovning.AntalProvade.Should().Be(4);
        rapport.Omprovning.Andrade.Select(p => rapport.Arende(p)!.Text).Should().BeEquivalentTo(["Budget 2025", "Budget 2027"]);
        var andrad = rapport.Omprovning.Andrade.First();
        andrad.Sparad.Resultat.Version.Should().Be("2024.1");
        andrad.Regler.Single(r => r.Andrad).Should().Match<InsatsFlow.Rules.Impact.RuleComparison>(r =>
            r.Regel == "IntakterOverstigerKostnader" && r.Da == "uppfylld" && r.Nu == "ej uppfylld" && r.Meddelande == "Intäkterna ska överstiga kostnaderna med marginal.");
        rapport.Rader().Where(r => r.Status == "ändras").Select(r => (r.Budgetar, r.Datum)).Should()
            .BeEquivalentTo([(2025, new DateOnly(2024, 11, 20)), (2027, new DateOnly(2026, 11, 20))]);
    }

    [Fact]
    public async Task Ett_utkast_som_laser_ett_nytt_falt_redovisar_varje_provning_som_kan_inte_provas()
    {
        using var miljo = await FyraBudgetarAsync();
        var utkast = Konsekvensmiljo.Balanskrav("2025.1", "2024-06-01", "budget.intakter - budget.kostnader + budget.egetKapital > 0", indata: ", \"egetKapital\": \"tal\"");

        var rapport = (await miljo.AnalyseraAsync(utkast)).Rapport!;

        rapport.Omprovning.Provningar.Should().HaveCount(4);
        rapport.Omprovning.KanInteProvas.Should().HaveCount(4).And.OnlyContain(p => p.SaknatFalt == "budget.egetKapital");
        rapport.Rader().Should().OnlyContain(r => r.Status == "kan inte prövas" && r.Detalj == "budget.egetKapital");
        rapport.Omprovning.AntalProvade.Should().Be(0);
    }

    [Fact]
    public async Task Ett_felaktigt_utkast_avvisas_med_fil_sokvag_och_regel_och_inget_sparas()
    {
        using var miljo = await FyraBudgetarAsync();
        var fore = await miljo.AntalSparadeProvningarAsync();

        var stavfel = await miljo.AnalyseraAsync(Konsekvensmiljo.Balanskrav("2025.1", "2024-06-01", "budget.intakterna > 0"), filnamn: "balanskrav-utkast.json");
        var okandVy = await miljo.AnalyseraAsync(Konsekvensmiljo.Balanskrav("2025.1", "2024-06-01", indata: ", \"kassa\": \"tal\""));
        var trasig = await miljo.AnalyseraAsync("{ \"regelverk\": \"balanskrav\", ");

        stavfel.Rapport.Should().BeNull();
        stavfel.Problem.Single().ToString().Should().Contain("balanskrav-utkast.json").And.Contain("IntakterOverstigerKostnader");
        okandVy.Problem.Single().Location.Should().Be("$.indata.budget.kassa");
        okandVy.Problem.Single().Message.Should().Contain("vyn \"budget\" har inget fält \"kassa\"");
        trasig.Problem.Single().Location.Should().StartWith("rad ");
        (await miljo.AntalSparadeProvningarAsync()).Should().Be(fore);
    }

    [Fact]
    public async Task Utkastet_provas_bara_mot_provningarna_fran_sin_giltighet_till_nasta_versions()
    {
        using var miljo = new Konsekvensmiljo();
        await miljo.BudgetGenomGrindAsync(2009, 1_000_000m, 995_000m); // antagen 2008-11-20: före utkastets giltighet
        await miljo.BudgetGenomGrindAsync(2015, 1_000_000m, 995_000m); // 2014-11-20: inom
        await miljo.BudgetGenomGrindAsync(2024, 1_000_000m, 995_000m); // 2023-11-20: inom, sista året före 2024.1
        await miljo.BudgetGenomGrindAsync(2025, 1_000_000m, 995_000m); // 2024-11-20: styrs av 2024.1
        var utkast = Konsekvensmiljo.Balanskrav("2004.2", "2010-01-01", "budget.intakter - budget.kostnader >= param.minstaOverskott * budget.intakter", "\"minstaOverskott\": 0.02");

        var inomGiltigheten = (await miljo.AnalyseraAsync(utkast)).Rapport!.Omprovning;
        var alla = (await miljo.AnalyseraAsync(utkast, alla: true)).Rapport!.Omprovning;

        (inomGiltigheten.Fran, inomGiltigheten.Till).Should().Be((new DateOnly(2010, 1, 1), new DateOnly(2024, 1, 1)));
        inomGiltigheten.Provningar.Select(p => p.Sparad.Resultat.Datum.Year).Should().Equal(2014, 2023);
        alla.Provningar.Select(p => p.Sparad.Resultat.Datum.Year).Should().Equal(2008, 2014, 2023, 2024);
        alla.AntalAndrade.Should().Be(4);
    }

    [Fact]
    public async Task En_kommande_version_listar_pagaende_arenden_som_moter_den_och_vad_deras_senaste_provning_ger()
    {
        using var miljo = new Konsekvensmiljo();
        await miljo.BudgetGenomGrindAsync(2026, 10_000_000m, 9_500_000m);
        var snaltBudget = await miljo.BudgetGenomGrindAsync(2027, 10_000_000m, 9_950_000m);
        var avslutad = await miljo.BudgetGenomGrindAsync(2025, 10_000_000m, 9_990_000m);
        await miljo.AvslutaAsync(avslutad);
        miljo.LaggTillRegelfil("balanskrav", "2027.1", Konsekvensmiljo.Balanskrav("2027.1", "2027-01-01",
            "budget.intakter - budget.kostnader >= param.minstaOverskott * budget.intakter", "\"minstaOverskott\": 0.02"));

        var kommande = await miljo.KommandeAsync(new DateOnly(2026, 3, 2));

        var andring = kommande.Single();
        (andring.Version.Regelverk, andring.Version.Version, andring.Gallande!.Version).Should().Be(("balanskrav", "2027.1", "2024.1"));
        andring.Fall.Select(f => f.Arende.Text).Should().BeEquivalentTo(["Budget 2026", "Budget 2027"]);
        var snalt = andring.Fall.Single(f => f.InstansId == snaltBudget);
        snalt.Omprovning!.Andrad.Should().BeTrue();
        snalt.Omprovning.Nu!.Uppfylld.Should().BeFalse();
        andring.Fall.Single(f => f.Arende.Text == "Budget 2026").Omprovning!.Andrad.Should().BeFalse();
    }

    [Fact]
    public async Task Utan_kommande_versioner_finns_inga_kommande_andringar()
    {
        using var miljo = new Konsekvensmiljo();
        await miljo.BudgetGenomGrindAsync(2026, 10_000_000m, 9_500_000m);

        (await miljo.KommandeAsync(new DateOnly(2026, 3, 2))).Should().BeEmpty();
    }
}
