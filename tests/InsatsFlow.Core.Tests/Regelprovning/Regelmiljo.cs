using InsatsFlow.Core.Regelprovning;
using InsatsFlow.Data;
using InsatsFlow.Data.Demo;
using InsatsFlow.Engine.Expressions;
using InsatsFlow.Rules.Decisions;
using InsatsFlow.Rules.Evaluation;
using InsatsFlow.Rules.Loading;
using Microsoft.Extensions.Time.Testing;

namespace InsatsFlow.Core.Tests.Regelprovning;

/// <summary>The demo förbund on a real SQLite file and the repository's own rules/ catalogue.</summary>
public sealed class Regelmiljo : IAsyncDisposable
{
    public static readonly DateTimeOffset Nu = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private Regelmiljo() { }

    public TestDatabase Databas { get; } = new();
    public InsatsFlowDbContext Db { get; private set; } = null!;
    public Regelunderlag Underlag { get; private set; } = null!;
    public Regelgrind Grind { get; private set; } = null!;
    public RuleCatalogueHolder Katalog { get; private set; } = null!;

    /// <summary>As a businessRuleTask: the views its version reads built from the domain, then the rules, recorded.</summary>
    public async Task<InsatsFlow.Engine.DecisionResult> ProvaAsync(string regelverk, DateOnly datum, Dictionary<string, object?> variabler)
    {
        var resultat = await Grind.EvaluateAsync(new(regelverk, null, datum, variabler, "instans-1", "gate"), CancellationToken.None);
        await Db.SaveChangesAsync();
        return resultat;
    }

    public static async Task<Regelmiljo> SkapaAsync()
    {
        var miljo = new Regelmiljo();
        await using (var seed = miljo.Databas.NyContext())
            await new DemoSeeder(seed, new FakeTimeProvider(Nu)).SeedAsync();
        miljo.Db = miljo.Databas.NyContext();
        var katalog = new RuleCatalogueHolder(RulesDirectory(), new ExpressionSandbox(), views: Regelunderlag.Vyer);
        var laddning = katalog.Reload();
        laddning.Ok.Should().BeTrue(string.Join(Environment.NewLine, laddning.Problems));
        miljo.Katalog = katalog;
        var regler = new RuleEvaluator(katalog);
        miljo.Underlag = new Regelunderlag(miljo.Db);
        miljo.Grind = new Regelgrind(regler, miljo.Underlag,
            new RuleDecisionEvaluator(regler, new InsatsFlow.Data.Rules.EfEvaluationStore(miljo.Db, new FakeTimeProvider(Nu))),
            new InsatsFlow.Core.Installation.Forbundsparametrar(miljo.Db, katalog, new FakeTimeProvider(Nu)));
        return miljo;
    }

    public static string RulesDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "InsatsFlow.sln")))
                return Path.Combine(dir.FullName, "rules");
        throw new InvalidOperationException("Hittar inte repots rules/.");
    }

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        Databas.Dispose();
    }
}
