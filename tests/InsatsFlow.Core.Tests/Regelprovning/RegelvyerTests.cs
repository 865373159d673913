using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Regelprovning;
using InsatsFlow.Rules.Loading;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Core.Tests.Regelprovning;

public sealed class RegelvyerTests
{
    private const string Insatsperiod = """
        {
          "regelverk": "insatsperiod",
          "version": "2026.1",
          "giltigFran": "2026-01-01",
          "rattsligGrund": ["FINSAM 7 § punkt 5"],
          "beskrivning": "En insats som ska följas upp har en period med slutdatum.",
          "indata": { "insats": { "diarienummer": "text", "periodStart": "datum?", "periodSlut": "datum?" }, "forbund": { "medlemmar": [{ "typ": "text" }] } },
          "workflow": {
            "WorkflowName": "insatsperiod",
            "Rules": [
              { "RuleName": "PeriodenHarSlut", "Expression": "insats.periodSlut != null && (insats.periodStart == null || insats.periodStart.Value < insats.periodSlut.Value)",
                "Properties": { "allvarlighet": "fel", "meddelande": "Insatsen saknar ett slutdatum efter startdatum.", "rattsligGrund": "FINSAM 7 §" } },
              { "RuleName": "FlerAnEnMedlem", "Expression": "forbund.medlemmar.Count() >= 2",
                "Properties": { "allvarlighet": "varning", "meddelande": "Förbundet har färre än två medlemmar.", "rattsligGrund": "FINSAM 1 §" } }
            ]
          }
        }
        """;

    [Fact]
    public async Task Ett_nytt_regelverk_over_befintliga_vyer_provas_vid_en_grind_utan_ny_programkod()
    {
        using var miljo = new Konsekvensmiljo();
        miljo.LaggTillRegelfil("insatsperiod", "2026.1", Insatsperiod);
        var insats = new Insats
        {
            ForbundId = miljo.Forbund.Id, Diarienummer = "SF 2026/012", Titel = "Hälsodisken", SokandeOrganisation = "Norrby kommun",
            PeriodStart = new DateOnly(2026, 4, 1), PeriodSlut = new DateOnly(2027, 3, 31),
        };
        await miljo.Harness.WithDbAsync(async db => { db.Insatser.Add(insats); return await db.SaveChangesAsync(); });

        var instans = await miljo.GenomGrindAsync("insatsperiod", insats.Id.ToString(), new { insatsId = insats.Id.ToString(), datum = "2026-03-02" });

        var resultat = (IReadOnlyDictionary<string, object?>)(await miljo.Harness.InstanceAsync(instans)).Variables["resultat"]!;
        resultat["passed"].Should().Be(true);
        var sparad = await miljo.Harness.WithDbAsync(db => Task.FromResult(db.Set<InsatsFlow.Data.Rules.Regelprovning>().Single(p => p.Regelverk == "insatsperiod")));
        sparad.IndataJson.Should().Contain("\"diarienummer\":\"SF 2026/012\"").And.Contain("\"periodSlut\":\"2027-03-31\"").And.Contain("\"typ\":\"kommun\"");
    }

    [Fact]
    public void En_regelfil_som_laser_en_vy_som_inte_finns_avvisas_med_vyns_namn()
    {
        using var miljo = new Konsekvensmiljo();
        var regler = miljo.Harness.Services.GetRequiredService<RuleCatalogueHolder>();
        File.WriteAllText(Path.Combine(miljo.RegelKatalog, "malgrupp", "2026.1.json"),
            File.ReadAllText(Path.Combine(miljo.RegelKatalog, "malgrupp", "2004.1.json"))
                .Replace("\"2004.1\"", "\"2026.1\"").Replace("\"2004-01-01\"", "\"2026-01-01\"").Replace("\"insats\": {", "\"deltagare\": {"));

        var laddning = regler.Reload();

        laddning.Ok.Should().BeFalse();
        laddning.Problems.Single().Location.Should().Be("$.indata.deltagare");
        laddning.Problems.Single().Message.Should().Contain("det finns ingen vy \"deltagare\"");
    }

    [Fact]
    public void En_regelfil_som_laser_ett_falt_som_vyn_inte_har_avvisas_med_faltets_namn()
    {
        var katalog = Regelunderlag.Vyer;

        var problem = katalog.Check("insats", InsatsFlow.Rules.Input.InputShape.Parse(
            System.Text.Json.JsonDocument.Parse("""{"berordaParter": [{"namn": "text", "orgnr": "text"}]}""").RootElement, "$"));

        problem!.Value.Path.Should().Be("$.indata.insats.berordaParter[0].orgnr");
        problem.Value.Message.Should().Contain("inget fält \"orgnr\"");
    }

    [Fact]
    public void Juristernas_guide_listar_vyerna_som_koden_bygger()
    {
        var readme = File.ReadAllText(Path.Combine(Regelmiljo.RulesDirectory(), "README.md")).ReplaceLineEndings("\n");

        Vydokumentation.Nuvarande(readme).Should().Be(Vydokumentation.Avsnitt(Regelunderlag.Vyer),
            "avsnittet om vyer i rules/README.md skrivs om med `dotnet run --project src/InsatsFlow.Cli -- rules views --write`");
    }
}
