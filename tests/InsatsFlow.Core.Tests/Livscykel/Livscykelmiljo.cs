using System.Text.Json;
using InsatsFlow.Core.Data;
using InsatsFlow.Core.Dokument;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Livscykel;
using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Data;
using InsatsFlow.Data.Dokument;
using InsatsFlow.Data.Notifieringar;
using InsatsFlow.Data.Rules;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;
using InsatsFlow.Engine.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Core.Tests.Livscykel;

/// <summary>
/// The lifecycle on the engine harness (real SQLite file, fake clock) with the repository's own workflows/, rules/,
/// templates/ and forms/, and a förbund of five medlemmar, a styrelse and budgets for 2026–2028.
/// </summary>
public sealed class Livscykelmiljo : IDisposable
{
    public const string Sokande = "sara.sokande";

    /// <param name="medSus">With the SUS files and the archive package (AddInsatsFlowSus, AddInsatsFlowArkiv): a bifall then needs the SUS fields.</param>
    public Livscykelmiljo(DateTimeOffset? start = null, bool medSus = false)
    {
        var rot = Repo();
        Harness = new EngineHarness(services =>
        {
            services.AddScoped<IDomanData>(sp => sp.GetRequiredService<InsatsFlowDbContext>());
            services.AddInsatsFlowRules(Path.Combine(rot, "rules"));
            services.AddDokument(new DokumentOptions { Mallkatalog = Path.Combine(rot, "templates") });
            services.AddNotifieringar(new SmtpOptions());
            services.AddInsatsFlowLivscykel(Path.Combine(rot, "forms"));
            if (medSus)
            {
                InsatsFlow.Core.Sus.SusServiceCollectionExtensions.AddInsatsFlowSus(services, Path.Combine(rot, "sus"));
                InsatsFlow.Core.Arkiv.ArkivServiceCollectionExtensions.AddInsatsFlowArkiv(services);
            }
        }, start: start ?? new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        Forbund = new Forbund { Namn = "Samordningsförbundet Älvdalen", Organisationsnummer = "222000-1234" };
        foreach (var (namn, typ) in Medlemmar) Forbund.LaggTillMedlem(namn, typ);
        Harness.WithDbAsync(async db =>
        {
            db.Forbund.Add(Forbund);
            db.Styrelser.Add(new Styrelse
            {
                ForbundId = Forbund.Id, MandatperiodFran = new(2023, 4, 1), MandatperiodTill = new(2031, 3, 31),
                Ledamoter =
                [
                    new() { Namn = "Anna Lindqvist", MedlemId = Medlem("Region Dalarna").Id, Uppdrag = Styrelseuppdrag.Ordforande },
                    new() { Namn = "Erik Johansson", MedlemId = Medlem("Norrby kommun").Id, Uppdrag = Styrelseuppdrag.Vice_ordforande },
                    new() { Namn = "Maria Berg", MedlemId = Medlem("Söderby kommun").Id },
                    new() { Namn = "Johan Ek", MedlemId = Medlem("Försäkringskassan").Id },
                    new() { Namn = "Sara Holm", MedlemId = Medlem("Region Dalarna").Id, Roll = Styrelseroll.Ersattare },
                ],
            });
            foreach (var ar in new[] { 2026, 2027, 2028 })
                db.Arsbudgetar.Add(new Arsbudget
                {
                    ForbundId = Forbund.Id, Ar = ar, AntagenDatum = new DateOnly(ar - 1, 11, 20),
                    Kostnader = [new() { Omrade = Kostnadsomrade.Insatser, Belopp = 6_000_000m }],
                });
            await db.SaveChangesAsync();
            return 0;
        }).GetAwaiter().GetResult();
        foreach (var fil in new[] { "insats-livscykel.bpmn", "budgetprocess.bpmn" })
            Harness.DeployAsync(File.ReadAllText(Path.Combine(rot, "workflows", fil)), fil).GetAwaiter().GetResult();
    }

    public static readonly (string Namn, MedlemsTyp Typ)[] Medlemmar =
    [
        ("Försäkringskassan", MedlemsTyp.Forsakringskassan),
        ("Arbetsförmedlingen", MedlemsTyp.Arbetsformedlingen),
        ("Region Dalarna", MedlemsTyp.Region),
        ("Norrby kommun", MedlemsTyp.Kommun),
        ("Söderby kommun", MedlemsTyp.Kommun),
    ];

    public EngineHarness Harness { get; }
    public Forbund Forbund { get; }

    public Medlem Medlem(string namn) => Forbund.Medlemmar.Single(m => m.Namn == namn);

    public async Task<(Guid InsatsId, string InstansId)> StartaInsatsAsync(string titel = "Vägen till arbete")
    {
        using var scope = Harness.Services.CreateScope();
        var (insats, resultat) = await scope.ServiceProvider.GetRequiredService<Livscykelstart>()
            .StartaInsatsAsync(Forbund.Id, titel, "Norrby kommun", Sokande);
        return (insats.Id, resultat.InstanceId!);
    }

    public async Task<string> StartaBudgetAsync(int budgetar)
    {
        using var scope = Harness.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<Livscykelstart>().StartaBudgetAsync(Forbund.Id, budgetar, "kansliet")).InstanceId!;
    }

    /// <summary>Completes the one open task at <paramref name="elementId"/> from its form, as the web does.</summary>
    public async Task<Slutforande> SlutforAsync(string instansId, string elementId, object formular, string? anvandare = null)
    {
        var uppgift = await Harness.TaskAsync(instansId, elementId);
        return await SlutforUppgiftAsync(uppgift, formular, anvandare);
    }

    public async Task<Slutforande> SlutforUppgiftAsync(TaskItem uppgift, object formular, string? anvandare = null)
    {
        using var scope = Harness.Services.CreateScope();
        // the sökande's steps name their users (the kontaktpersoner); a group's steps take any member of the group
        var actor = new TaskActor(anvandare ?? uppgift.CandidateUserList.FirstOrDefault() ?? Sokande, [.. uppgift.CandidateGroupList]);
        return await scope.ServiceProvider.GetRequiredService<Uppgiftsslutforande>()
            .SlutforAsync(uppgift.Id, actor, JsonSerializer.SerializeToElement(formular));
    }

    /// <summary>Like <see cref="SlutforAsync"/>, but the form must be accepted.</summary>
    public async Task<CommandResult> KlarAsync(string instansId, string elementId, object formular)
    {
        var utfall = await SlutforAsync(instansId, elementId, formular);
        utfall.Fel.Should().BeEmpty($"formuläret vid {elementId} ska godtas");
        (await Harness.RunAsync(e => e.IncidentsAsync(instansId))).Select(i => $"{i.ElementId}: {i.Message}").Should().BeEmpty();
        return utfall.Resultat!;
    }

    public Task<Insats> InsatsAsync(Guid id) =>
        Harness.WithDbAsync(db => db.Insatser.AsNoTracking().SingleAsync(i => i.Id == id));

    public async Task<IReadOnlyList<string>> OppnaAsync(string instansId) =>
        (await Harness.OpenTasksAsync(instansId)).Select(t => t.ElementId).ToList();

    public async Task<IReadOnlyDictionary<string, object?>> VariablerAsync(string instansId) => (await Harness.InstanceAsync(instansId)).Variables;

    /// <summary>What a rule gate stored in its result variable: the evaluator's output (uppfylld, fel, regler …).</summary>
    public async Task<IReadOnlyDictionary<string, object?>> RegelresultatAsync(string instansId, string variabel)
    {
        var resultat = (IReadOnlyDictionary<string, object?>)(await VariablerAsync(instansId))[variabel]!;
        var output = (IReadOnlyDictionary<string, object?>)resultat["output"]!;
        resultat["passed"].Should().Be(output["uppfylld"], "passed och uppfylld ska stämma överens");
        return output;
    }

    /// <summary>Moves the clock to the instance's next pending timer and fires what fell due.</summary>
    public async Task TillNastaTimerAsync(string instansId)
    {
        var timers = await Harness.RunAsync(e => e.PendingTimersAsync(instansId));
        var nasta = timers.Min(t => t.DueAt);
        if (nasta > Harness.Clock.GetUtcNow()) Harness.Clock.SetUtcNow(nasta);
        await Harness.RunAsync(e => e.FireDueTimersAsync());
    }

    public static string Repo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "InsatsFlow.sln"))) return dir.FullName;
        throw new InvalidOperationException("Hittar inte repots rot.");
    }

    public void Dispose() => Harness.Dispose();
}
