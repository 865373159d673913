using InsatsFlow.Core.Data;
using InsatsFlow.Core.Dokument;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Livscykel;
using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Core.Regelprovning;
using InsatsFlow.Data;
using InsatsFlow.Data.Dokument;
using InsatsFlow.Data.Notifieringar;
using InsatsFlow.Data.Rules;
using InsatsFlow.Engine.Tests.Harness;
using InsatsFlow.Rules.Loading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Core.Tests.Regelprovning;

/// <summary>
/// A förbund whose budgets have gone through a real balanskrav gate (engine on a SQLite file, the gate building its
/// input from the views), with a copy of the repository's rules/ that a test may add files to.
/// </summary>
public sealed class Konsekvensmiljo : IDisposable
{
    public Konsekvensmiljo(DateTimeOffset? idag = null)
    {
        RegelKatalog = Path.Combine(Path.GetTempPath(), "insatsflow-regler-" + Guid.NewGuid().ToString("N"));
        foreach (var fil in Directory.EnumerateFiles(Regelmiljo.RulesDirectory(), "*.json", SearchOption.AllDirectories))
        {
            var mal = Path.Combine(RegelKatalog, Path.GetRelativePath(Regelmiljo.RulesDirectory(), fil));
            Directory.CreateDirectory(Path.GetDirectoryName(mal)!);
            File.Copy(fil, mal);
        }
        var rot = Path.GetDirectoryName(Regelmiljo.RulesDirectory())!;
        Harness = new EngineHarness(services =>
        {
            services.AddScoped<IDomanData>(sp => sp.GetRequiredService<InsatsFlowDbContext>());
            services.AddInsatsFlowRules(RegelKatalog);
            services.AddDokument(new DokumentOptions { Mallkatalog = Path.Combine(rot, "templates") });
            services.AddNotifieringar(new SmtpOptions());
            services.AddInsatsFlowLivscykel(Path.Combine(rot, "forms"));
        }, start: idag ?? new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        Forbund = new Forbund { Namn = "Samordningsförbundet Älvdalen", Organisationsnummer = "222000-1234" };
        Forbund.LaggTillMedlem("Försäkringskassan", MedlemsTyp.Forsakringskassan);
        Forbund.LaggTillMedlem("Region Dalarna", MedlemsTyp.Region);
        Forbund.LaggTillMedlem("Norrby kommun", MedlemsTyp.Kommun);
        Harness.WithDbAsync(async db =>
        {
            db.Forbund.Add(Forbund);
            await db.SaveChangesAsync();
            return 0;
        }).GetAwaiter().GetResult();
    }

    public EngineHarness Harness { get; }
    public Forbund Forbund { get; }
    public string RegelKatalog { get; }

    /// <summary>start → a gate of <paramref name="regelverk"/> (dated ${datum}) → granska → done, or back to the gate.</summary>
    public static string Grindprocess(string nyckel, string regelverk) => Bpmn.Process(nyckel, $"""
        <bpmn:startEvent id="start" />
        <bpmn:businessRuleTask id="grind" name="Regelkontroll" camunda:decisionRef="{regelverk}" camunda:resultVariable="resultat">
          <bpmn:extensionElements><camunda:properties><camunda:property name="asOf" value="{"${datum}"}" /></camunda:properties></bpmn:extensionElements>
        </bpmn:businessRuleTask>
        <bpmn:userTask id="granska" name="Granska" camunda:assignee="anna" />
        <bpmn:exclusiveGateway id="klar" default="tillbaka" />
        <bpmn:endEvent id="slut" />
        {Bpmn.Flow("f1", "start", "grind")}
        {Bpmn.Flow("f2", "grind", "granska")}
        {Bpmn.Flow("f3", "granska", "klar")}
        {Bpmn.Flow("fardig", "klar", "slut", "${klar == true}")}
        {Bpmn.Flow("tillbaka", "klar", "grind")}
        """);

    /// <summary>The budget of <paramref name="ar"/>, adopted 20 November the year before, through a balanskrav gate.</summary>
    public async Task<string> BudgetGenomGrindAsync(int ar, decimal intakter, decimal kostnader)
    {
        var medlemmar = Forbund.Medlemmar;
        await Harness.WithDbAsync(async db =>
        {
            db.Arsbudgetar.Add(new Arsbudget
            {
                ForbundId = Forbund.Id, Ar = ar, AntagenDatum = new DateOnly(ar - 1, 11, 20),
                Intakter = [new() { MedlemId = medlemmar[0].Id, Belopp = intakter / 2 }, new() { MedlemId = medlemmar[1].Id, Belopp = intakter / 4 },
                    new() { MedlemId = medlemmar[2].Id, Belopp = intakter / 4 }],
                Kostnader = [new() { Omrade = Kostnadsomrade.Insatser, Belopp = kostnader }],
            });
            await db.SaveChangesAsync();
            return 0;
        });
        return await GenomGrindAsync("balanskrav", Livscykelstart.Budgetnyckel(ar, Forbund.Id),
            new { budgetar = ar, forbundId = Forbund.Id.ToString(), datum = $"{ar - 1}-11-20" });
    }

    public async Task<string> GenomGrindAsync(string regelverk, string affarsnyckel, object variabler)
    {
        var nyckel = "grind-" + regelverk;
        if (deployade.Add(nyckel)) await Harness.DeployAsync(Grindprocess(nyckel, regelverk), nyckel + ".bpmn");
        var start = await Harness.StartAsync(nyckel, variabler, affarsnyckel);
        (await Harness.RunAsync(e => e.IncidentsAsync(start.InstanceId))).Select(i => i.Message).Should().BeEmpty();
        return start.InstanceId!;
    }

    private readonly HashSet<string> deployade = [];

    public async Task AvslutaAsync(string instansId) => await Harness.CompleteAsync(instansId, "granska", new { klar = true });

    /// <summary>Writes a rule file into the copied catalogue and reloads it, as a merged change.</summary>
    public void LaggTillRegelfil(string regelverk, string version, string json)
    {
        Directory.CreateDirectory(Path.Combine(RegelKatalog, regelverk));
        File.WriteAllText(Path.Combine(RegelKatalog, regelverk, version + ".json"), json);
        var laddning = Harness.Services.GetRequiredService<RuleCatalogueHolder>().Reload();
        laddning.Ok.Should().BeTrue(string.Join("; ", laddning.Problems));
    }

    public async Task<Konsekvensresultat> AnalyseraAsync(string utkast, bool alla = false, string filnamn = "utkast.json")
    {
        using var scope = Harness.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Konsekvensanalys>()
            .AnalyseraAsync(filnamn, System.Text.Encoding.UTF8.GetBytes(utkast), alla, CancellationToken.None);
    }

    public async Task<IReadOnlyList<KommandeAndring>> KommandeAsync(DateOnly idag)
    {
        using var scope = Harness.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Konsekvensanalys>().KommandeAsync(idag, CancellationToken.None);
    }

    public Task<int> AntalSparadeProvningarAsync() => Harness.WithDbAsync(db => db.Set<InsatsFlow.Data.Rules.Regelprovning>().CountAsync());

    /// <summary>A balanskrav file: the repository's 2024.1 with its own version, giltigFran and rule expression.</summary>
    public static string Balanskrav(string version, string giltigFran, string uttryck = "budget.intakter > budget.kostnader",
        string parametrar = "", string indata = "") => $$"""
        {
          "regelverk": "balanskrav",
          "version": "{{version}}",
          "giltigFran": "{{giltigFran}}",
          "rattsligGrund": ["SFS 2017:725 (KL) 11 kap. 5 §"],
          "beskrivning": "Utkast för konsekvensanalys.",
          "indata": { "budget": { "budgetar": "heltal", "intakter": "tal", "kostnader": "tal", "synnerligaSkal": "janej?"{{indata}} } },
          {{(parametrar == "" ? "" : $"\"parametrar\": {{{parametrar}}},")}}
          "workflow": {
            "WorkflowName": "balanskrav",
            "Rules": [
              {
                "RuleName": "IntakterOverstigerKostnader",
                "Expression": "{{uttryck}}",
                "Properties": { "allvarlighet": "fel", "meddelande": "Intäkterna ska överstiga kostnaderna med marginal.", "rattsligGrund": "KL 11 kap. 5 §" }
              },
              {
                "RuleName": "SynnerligaSkalAberopasInte",
                "Expression": "budget.synnerligaSkal != true",
                "Properties": { "allvarlighet": "varning", "meddelande": "Synnerliga skäl åberopas.", "rattsligGrund": "FINSAM 21 §" }
              }
            ]
          }
        }
        """;

    public void Dispose()
    {
        Harness.Dispose();
        try { Directory.Delete(RegelKatalog, recursive: true); } catch (IOException) { }
    }
}
