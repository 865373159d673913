using System.Text.Json.Nodes;
using InsatsFlow.Rules.Impact;
using InsatsFlow.Rules.Loading;
using InsatsFlow.Rules.Testing;
using InsatsFlow.Rules.Tests.TestSupport;

namespace InsatsFlow.Rules.Tests.Impact;

public sealed class VersionDiffTests
{
    private static RuleCatalogue Load(params JsonObject[] files)
    {
        using var dir = new TempRulesDirectory();
        foreach (var f in files) dir.Write(f);
        var result = new RuleCatalogueLoader().Load(dir.Path);
        result.Ok.Should().BeTrue(string.Join("; ", result.Problems));
        return result.Catalogue!;
    }

    [Fact]
    public void Diffen_visar_tillagda_borttagna_och_andrade_regler_parametrar_och_giltighet()
    {
        var gammal = RuleFileJson.Make(version: "2025.1", giltigFran: "2025-01-01", grans: 100);
        gammal.Rules().Add(RuleFileJson.Rule("RaderFinns", "budget.rader.Count() > 0"));
        var ny = RuleFileJson.Make(version: "2026.1", giltigFran: "2026-01-01", expression: "budget.belopp <= param.grans", allvarlighet: "varning", grans: 200);
        ny.Rules().Add(RuleFileJson.Rule("AntagenAngiven", "budget.antagen != null"));
        var katalog = Load(gammal, ny);

        var diff = VersionDiff.Compare(katalog.Version("prov", "2025.1")!, katalog.Version("prov", "2026.1")!);

        diff.GiltigFran.Should().Be(new FieldChange("giltigFran", "2025-01-01", "2026-01-01"));
        diff.Parametrar.Should().Equal(new FieldChange("grans", "100", "200"));
        diff.Regler.Should().BeEquivalentTo(new[]
        {
            new RuleChange("RaderFinns", "borttagen", [new("uttryck", "budget.rader.Count() > 0", null), new("meddelande", "RaderFinns är inte uppfylld.", null),
                new("allvarlighet", "fel", null), new("rattsligGrund", "FINSAM 7 §", null)]),
            new RuleChange("BeloppUnderGrans", "ändrad", [new("uttryck", "budget.belopp < param.grans", "budget.belopp <= param.grans"), new("allvarlighet", "fel", "varning")]),
            new RuleChange("AntagenAngiven", "tillagd", [new("uttryck", null, "budget.antagen != null"), new("meddelande", null, "AntagenAngiven är inte uppfylld."),
                new("allvarlighet", null, "fel"), new("rattsligGrund", null, "FINSAM 7 §")]),
        }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void En_version_jamford_med_sig_sjalv_har_inga_andringar()
    {
        var katalog = Load(RuleFileJson.Make());
        var fil = katalog.Version("prov", "1")!;

        var diff = VersionDiff.Compare(fil, fil);

        (diff.GiltigFran, diff.Regler.Count, diff.Parametrar.Count, diff.Indata.Count).Should().Be((null, 0, 0, 0));
    }

    [Fact]
    public async Task Checklistan_namner_regler_utan_testfall_dar_de_ar_uppfyllda_eller_inte()
    {
        using var dir = new TempRulesDirectory();
        var fil = RuleFileJson.Make();
        fil.Rules().Add(RuleFileJson.Rule("RaderFinns", "budget.rader.Count() > 0"));
        dir.Write(fil);
        dir.Write("prov/tests/fall.json", """
            { "fall": [
              { "namn": "Litet belopp med rader", "datum": "2025-06-01", "indata": { "budget": { "belopp": 10, "rader": [{"typ": "lokaler"}] } },
                "forvantat": { "BeloppUnderGrans": "uppfylld", "RaderFinns": "uppfylld" } },
              { "namn": "Stort belopp med rader", "datum": "2025-06-01", "indata": { "budget": { "belopp": 1000, "rader": [{"typ": "lokaler"}] } },
                "forvantat": { "BeloppUnderGrans": "ej uppfylld", "RaderFinns": "uppfylld" } }
            ] }
            """);
        var katalog = new RuleCatalogueLoader().Load(dir.Path).Catalogue!;

        var luckor = RuleChecklist.Gaps(katalog, await RuleTestRunner.RunAllAsync(dir.Path, katalog));

        luckor.Should().Equal(new ChecklistGap("prov", "1", "RaderFinns", SaknarUppfylld: false, SaknarEjUppfylld: true));
        luckor[0].ToString().Should().Be("prov 1 RaderFinns: saknar testfall där regeln inte är uppfylld");
    }
}
