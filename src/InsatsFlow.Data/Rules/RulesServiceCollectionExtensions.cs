using InsatsFlow.Engine;
using InsatsFlow.Engine.Expressions;
using InsatsFlow.Rules.Decisions;
using InsatsFlow.Rules.Evaluation;
using InsatsFlow.Rules.Loading;
using InsatsFlow.Rules.Recording;
using InsatsFlow.Rules.Reloading;
using InsatsFlow.Rules.Views;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InsatsFlow.Data.Rules;

public static class RulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the rule catalogue (loaded from <paramref name="rulesDirectory"/> on first use; a catalogue that
    /// does not load at start-up throws with every problem), the evaluator, the businessRuleTask adapter
    /// (<see cref="IDecisionEvaluator"/>), the evaluation store on the scoped DbContext, and the file reloader.
    /// Call <c>services.GetRequiredService&lt;RuleFileReloader&gt;().Start()</c> once the host runs to pick up edits.
    /// </summary>
    public static IServiceCollection AddInsatsFlowRules(this IServiceCollection services, string rulesDirectory)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new ExpressionSandbox());
        services.TryAddSingleton(new RuleLimits());
        services.AddSingleton(sp =>
        {
            // The views are the host's (Core's Regelunderlag); without them rule files read process variables as named.
            var holder = new RuleCatalogueHolder(rulesDirectory, sp.GetRequiredService<ExpressionSandbox>(), sp.GetRequiredService<RuleLimits>(), sp.GetService<InputViewCatalogue>());
            var result = holder.Reload();
            if (!result.Ok)
                throw new InvalidOperationException("Reglerna i " + rulesDirectory + " kunde inte läsas in:" + Environment.NewLine
                    + string.Join(Environment.NewLine, result.Problems));
            return holder;
        });
        services.AddSingleton<RuleEvaluator>();
        services.AddSingleton(sp => new RuleFileReloader(sp.GetRequiredService<RuleCatalogueHolder>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<EfEvaluationStore>();
        services.AddScoped<IEvaluationStore>(sp => sp.GetRequiredService<EfEvaluationStore>());
        services.AddScoped<IEvaluationRecorder>(sp => sp.GetRequiredService<EfEvaluationStore>());
        services.AddScoped<RuleDecisionEvaluator>();
        // TryAdd: a host that wraps the evaluator (building rule input from the domain) registers its own first.
        services.TryAddScoped<IDecisionEvaluator>(sp => sp.GetRequiredService<RuleDecisionEvaluator>());
        return services;
    }
}
