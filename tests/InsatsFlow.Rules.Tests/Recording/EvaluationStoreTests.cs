using InsatsFlow.Data.Tests.Support;
using InsatsFlow.Data.Rules;
using InsatsFlow.Engine;
using InsatsFlow.Rules.Decisions;
using InsatsFlow.Rules.Evaluation;
using InsatsFlow.Rules.Loading;
using InsatsFlow.Rules.Recording;
using InsatsFlow.Rules.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace InsatsFlow.Rules.Tests.Recording;

public class EvaluationStoreTests : IAsyncLifetime
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 5, 20, 13, 0, 0, TimeSpan.Zero));
    private TestDatabase database = null!;
    private RuleCatalogueHolder catalogue = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        catalogue = new RuleCatalogueHolder(RepositoryRules.Directory);
        catalogue.Reload().Problems.Should().BeEmpty();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static Dictionary<string, object?> Beviljat(decimal belopp2027) => new()
    {
        ["beslut"] = new Dictionary<string, object?>
        {
            ["beviljatPerAr"] = new List<object?>
            {
                new Dictionary<string, object?> { ["ar"] = 2026, ["belopp"] = 400_000m },
                new Dictionary<string, object?> { ["ar"] = 2027, ["belopp"] = belopp2027 },
            },
        },
        ["medel"] = new Dictionary<string, object?>
        {
            ["tillgangligtPerAr"] = new List<object?>
            {
                new Dictionary<string, object?> { ["ar"] = 2026, ["belopp"] = 1_000_000m },
                new Dictionary<string, object?> { ["ar"] = 2027, ["belopp"] = 600_000m },
            },
        },
    };

    private async Task<DecisionResult> DecideAsync(Dictionary<string, object?> variables, string instance)
    {
        await using var db = database.NewContext();
        var evaluator = new RuleDecisionEvaluator(new RuleEvaluator(catalogue), new EfEvaluationStore(db, time));
        var decision = await evaluator.EvaluateAsync(
            new DecisionRequest("beviljat-belopp", null, new DateOnly(2026, 5, 20), variables, instance, "Regelkontroll_Belopp"),
            CancellationToken.None);
        // The engine's command commits the record together with the step that asked for it.
        await db.SaveChangesAsync();
        return decision;
    }

    [Fact]
    public async Task Varje_provning_fran_en_processteg_sparas_med_version_hash_indata_och_utfall()
    {
        var decision = await DecideAsync(Beviljat(700_000m), "insats-17");

        await using var db = database.NewContext();
        var stored = await new EfEvaluationStore(db, time).FindAsync(decision.EvaluationId!, CancellationToken.None);

        stored.Should().NotBeNull();
        stored!.UtfordVid.Should().Be(time.GetUtcNow());
        stored.Context.Should().Be(new EvaluationContext("insats-17", "Regelkontroll_Belopp"));
        var file = catalogue.Current.Version("beviljat-belopp", "2004.1")!;
        stored.Resultat.Should().BeEquivalentTo(new
        {
            Regelverk = "beviljat-belopp", Version = "2004.1", file.Sha256, Datum = new DateOnly(2026, 5, 20), Uppfylld = false,
        });
        stored.Resultat.IndataJson.Should().Contain("\"belopp\":700000");
        stored.Resultat.Regler.Select(r => (r.Regel, r.Utfall)).Should().Equal(
            ("BeloppAngivetPerAr", Utfall.Uppfylld), ("BeloppInomTillgangligaMedel", Utfall.EjUppfylld));
        stored.Resultat.Regler[1].Meddelande.Should().Be("Beviljat belopp överstiger de medel som finns tillgängliga för året.");
        stored.Resultat.Regler[1].RattsligGrund.Should().Contain("FINSAM 7 §");
    }

    [Fact]
    public async Task Ett_beslut_fran_2026_kan_provas_om_ar_2032_med_samma_version_och_indata()
    {
        var decision = await DecideAsync(Beviljat(600_000m), "insats-18");
        time.SetUtcNow(new DateTimeOffset(2032, 2, 1, 9, 0, 0, TimeSpan.Zero));

        await using var db = database.NewContext();
        var stored = (await new EfEvaluationStore(db, time).ForProcessInstanceAsync("insats-18", CancellationToken.None)).Single();
        var file = catalogue.Current.Version(stored.Resultat.Regelverk, stored.Resultat.Version)!;
        var again = await RuleEvaluator.EvaluateAsync(file, stored.Resultat.Datum, JsonInput.Element(stored.Resultat.IndataJson));

        decision.Passed.Should().BeTrue();
        file.Sha256.Should().Be(stored.Resultat.Sha256, "filen är oförändrad sedan beslutet");
        again.Regler.Should().BeEquivalentTo(stored.Resultat.Regler);
    }

    [Fact]
    public async Task Juristen_ser_var_en_version_har_tillampats()
    {
        await DecideAsync(Beviljat(100_000m), "insats-1");
        time.Advance(TimeSpan.FromDays(30));
        await DecideAsync(Beviljat(100_000m), "insats-2");

        await using var db = database.NewContext();
        var store = new EfEvaluationStore(db, time);

        (await store.ForRegelverkAsync("beviljat-belopp", "2004.1", CancellationToken.None))
            .Select(e => e.Context.ProcessInstanceId).Should().Equal("insats-1", "insats-2");
        (await store.ForRegelverkAsync("beviljat-belopp", "2099.1", CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task Ett_okant_id_ger_ingen_provning()
    {
        await using var db = database.NewContext();

        (await new EfEvaluationStore(db, time).FindAsync("inte-ett-id", CancellationToken.None)).Should().BeNull();
    }
}
