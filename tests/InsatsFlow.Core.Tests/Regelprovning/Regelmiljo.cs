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
    public RuleDecisionEvaluator Regler { get; private set; } = null!;

    /// <summary>As a businessRuleTask after the underlag handler: the domain's input laid over the variables, then the rules.</summary>
    public async Task<InsatsFlow.Engine.DecisionResult> ProvaAsync(string regelverk, DateOnly datum, Dictionary<string, object?> variabler)
    {
        foreach (var (namn, varde) in await Underlag.ByggAsync(regelverk, variabler, CancellationToken.None)) variabler[namn] = varde;
        var resultat = await Regler.EvaluateAsync(new(regelverk, null, datum, variabler, "instans-1", "gate"), CancellationToken.None);
        await Db.SaveChangesAsync();
        return resultat;
    }

    public static async Task<Regelmiljo> SkapaAsync()
    {
        var miljo = new Regelmiljo();
        await using (var seed = miljo.Databas.NyContext())
            await new DemoSeeder(seed, new FakeTimeProvider(Nu)).SeedAsync();
        miljo.Db = miljo.Databas.NyContext();
        var katalog = new RuleCatalogueHolder(RulesDirectory(), new ExpressionSandbox());
        katalog.Reload().Ok.Should().BeTrue();
        miljo.Regler = new RuleDecisionEvaluator(new RuleEvaluator(katalog), new InsatsFlow.Data.Rules.EfEvaluationStore(miljo.Db, new FakeTimeProvider(Nu)));
        miljo.Underlag = new Regelunderlag(miljo.Db);
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
