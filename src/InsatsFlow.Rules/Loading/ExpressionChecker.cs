using System.Linq.Expressions;
using InsatsFlow.Engine.Expressions;
using InsatsFlow.Rules.Format;
using InsatsFlow.Rules.Input;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace InsatsFlow.Rules.Loading;

/// <summary>
/// Compiles every expression of a rule file at load, with the same parser, settings and parameter types RulesEngine
/// uses when it evaluates, and runs each parsed tree through the shared <see cref="ExpressionSandbox"/>. RulesEngine
/// itself reports a bad expression only when the rule runs; this makes it a load error instead.
/// </summary>
internal sealed class ExpressionChecker(ExpressionSandbox sandbox, ExpressionLimits limits)
{
    private readonly RuleExpressionParser parser = new(RulesEngineSettings.Create());

    public void Check(RuleFile file)
    {
        var parameters = file.Indata.Select(i => Expression.Parameter(i.Shape.ClrType, i.Namn)).ToList();
        if (file.Parametrar is not null) parameters.Add(Expression.Parameter(file.Parametrar.GetType(), ParameterValues.Name));

        foreach (var global in file.Workflow.GlobalParams ?? [])
            parameters.Add(CheckParam(global, parameters, "$.workflow.GlobalParams", $"GlobalParams {global.Name}"));
        foreach (var rule in file.Workflow.Rules)
            CheckRule(rule, parameters);

        // detalj reads what the rule reads at the top (indata and param), so it is compiled with those parameters only.
        var top = parameters.Take(file.Indata.Count + (file.Parametrar is null ? 0 : 1)).ToList();
        var detaljer = new Dictionary<string, Delegate>();
        foreach (var regel in file.Regler.Where(r => r.Detalj is not null))
        {
            var parsed = Parse(regel.Detalj!, top, null, $"regel {regel.Namn}", "detalj");
            detaljer[regel.Namn] = Expression.Lambda(Expression.Convert(parsed, typeof(object)), top).Compile();
        }
        file.Detaljer = detaljer;
    }

    private void CheckRule(Rule rule, List<ParameterExpression> inherited)
    {
        var parameters = new List<ParameterExpression>(inherited);
        var where = $"regel {rule.RuleName}";
        foreach (var local in rule.LocalParams ?? [])
            parameters.Add(CheckParam(local, parameters, where, $"LocalParams {local.Name}"));
        if (rule.Expression is not null)
            Parse(rule.Expression, parameters, typeof(bool), where, "Expression");
        foreach (var child in rule.Rules ?? [])
            CheckRule(child, parameters);
    }

    private ParameterExpression CheckParam(ScopedParam param, List<ParameterExpression> parameters, string where, string what)
    {
        if (parameters.Any(p => string.Equals(p.Name, param.Name, StringComparison.OrdinalIgnoreCase)))
            throw new RuleFileException(where, $"{what}: namnet finns redan");
        var parsed = Parse(param.Expression, parameters, null, where, what);
        return Expression.Parameter(parsed.Type, param.Name);
    }

    private Expression Parse(string text, List<ParameterExpression> parameters, Type? returnType, string where, string what)
    {
        Expression parsed;
        // Before parsing: a text nested too deep would exhaust the parser's stack.
        if (ExpressionLimitGuard.CheckText(text, limits) is { } tooBig)
            throw new RuleFileException(where, $"{what}: {tooBig} (uttryck: {Cut(text)})");
        try
        {
            parsed = parser.Parse(text, [.. parameters], returnType!);
            UnknownFieldCheck.Check(parsed);
        }
        catch (Exception e) when (e is not RuleFileException)
        {
            throw new RuleFileException(where, $"{what} kan inte tolkas: {ExpressionMessages.Of(e)} (uttryck: {Cut(text)})");
        }
        try
        {
            sandbox.Check(parsed);
            DeterminismCheck.Check(parsed);
            // RulesEngine compiles the rule itself, so nothing can measure what it builds at run time: sizes must be constants within the limits.
            ExpressionLimitGuard.CheckStatic(parsed, limits);
        }
        catch (Exception e) when (e is ExpressionNotAllowedException or ExpressionLimitException)
        {
            throw new RuleFileException(where, $"{what} är inte tillåtet: {e.Message} (uttryck: {Cut(text)})");
        }
        return parsed;
    }

    private static string Cut(string text) => text.Length > 200 ? text[..200] + "…" : text;
}
