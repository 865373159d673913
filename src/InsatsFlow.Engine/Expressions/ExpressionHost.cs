using System.Linq.Dynamic.Core;
using InsatsFlow.Engine.Time;

namespace InsatsFlow.Engine.Expressions;

/// <summary>What every expression of an engine shares: functions class, sandbox, parser settings, calendar.</summary>
public sealed class ExpressionHost
{
    public ExpressionHost(EngineOptions options, IBusinessCalendar calendar)
    {
        if (!typeof(ExpressionFunctions).IsAssignableFrom(options.FunctionsType) || options.FunctionsType.IsSealed
            || !options.FunctionsType.IsVisible || options.FunctionsType.GetConstructor(Type.EmptyTypes) is null)
            throw new ArgumentException($"{options.FunctionsType.Name} måste vara en publik, icke-förseglad klass som ärver ExpressionFunctions och har en parameterlös konstruktor.");
        FunctionsType = options.FunctionsType;
        Sandbox = new ExpressionSandbox([FunctionsType, typeof(ExpressionFunctions), .. options.ExpressionTypes]);
        TypeProvider = new ExpressionTypeProvider([FunctionsType, typeof(ExpressionFunctions), .. options.ExpressionTypes]);
        Config = new ParsingConfig { AllowNewToEvaluateAnyType = false, CustomTypeProvider = TypeProvider };
        Calendar = calendar;
        Limits = options.ExpressionLimits;
        BpmnLimits = options.BpmnLimits;
        TimeZone = options.TimeZone;
        FunctionNames = FunctionsType.GetMethods().Where(m => m.IsPublic && !m.IsSpecialName && m.DeclaringType != typeof(object))
            .Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
    }

    public Type FunctionsType { get; }
    public ExpressionSandbox Sandbox { get; }
    public ParsingConfig Config { get; }
    internal ExpressionTypeProvider TypeProvider { get; }
    public IBusinessCalendar Calendar { get; }
    public TimeZoneInfo TimeZone { get; }
    public ExpressionLimits Limits { get; }
    public Parsing.BpmnLimits BpmnLimits { get; }
    internal HashSet<string> FunctionNames { get; }
}
