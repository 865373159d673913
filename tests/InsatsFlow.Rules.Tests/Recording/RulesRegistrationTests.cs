using InsatsFlow.Data.Tests.Support;
using InsatsFlow.Data;
using InsatsFlow.Data.Rules;
using InsatsFlow.Engine;
using InsatsFlow.Rules.Loading;
using InsatsFlow.Rules.Recording;
using InsatsFlow.Rules.Reloading;
using InsatsFlow.Rules.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Rules.Tests.Recording;

/// <summary>AddInsatsFlowRules as the web host uses it: a businessRuleTask evaluation is stored through the scoped DbContext.</summary>
public class RulesRegistrationTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task En_regelprovning_via_tjansterna_sparas_och_kan_hamtas_i_en_ny_scope()
    {
        var services = new ServiceCollection().AddInsatsFlowData(database.ConnectionString).AddInsatsFlowRules(RepositoryRules.Directory);
        await using var provider = services.BuildServiceProvider();
        var variables = new Dictionary<string, object?>
        {
            ["insats"] = new Dictionary<string, object?> { ["malgruppAlderFran"] = 18, ["malgruppAlderTill"] = 29 },
        };

        string id;
        await using (var scope = provider.CreateAsyncScope())
        {
            var evaluator = scope.ServiceProvider.GetRequiredService<IDecisionEvaluator>();
            var result = await evaluator.EvaluateAsync(new DecisionRequest("malgrupp", null, new DateOnly(2026, 3, 1), variables, "i-1", "e-1"), CancellationToken.None);
            id = result.EvaluationId!;
            // The caller's unit of work commits the record (an engine command in production).
            await scope.ServiceProvider.GetRequiredService<InsatsFlow.Data.InsatsFlowDbContext>().SaveChangesAsync();
        }

        await using var reading = provider.CreateAsyncScope();
        var stored = await reading.ServiceProvider.GetRequiredService<IEvaluationStore>().FindAsync(id, CancellationToken.None);
        stored!.Resultat.Regelverk.Should().Be("malgrupp");
        provider.GetRequiredService<RuleFileReloader>().Watching.Should().BeFalse("värden startar bevakningen själv");
    }

    [Fact]
    public void En_katalog_som_inte_laddas_stoppar_starten_med_alla_fel()
    {
        using var rules = new TempRulesDirectory();
        rules.Write("prov/1.json", "{ trasig");
        var services = new ServiceCollection().AddInsatsFlowData(database.ConnectionString).AddInsatsFlowRules(rules.Path);
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<RuleCatalogueHolder>();

        act.Should().Throw<InvalidOperationException>().WithMessage("*prov/1.json*ogiltig JSON*");
    }
}
