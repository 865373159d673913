using InsatsFlow.Engine.Expressions;
using InsatsFlow.Engine.Parsing;

namespace InsatsFlow.Engine;

/// <summary>How a host tunes the engine: expression functions, extra types, time zone.</summary>
public sealed class EngineOptions
{
    /// <summary>
    /// The class whose public methods are callable unqualified in <c>${…}</c> (for example <c>arbetsdagar(10)</c>).
    /// Must be public, not sealed, with a parameterless constructor, and derive from <see cref="ExpressionFunctions"/>.
    /// </summary>
    public Type FunctionsType { get; set; } = typeof(ExpressionFunctions);

    /// <summary>Extra data types expressions may touch (besides JSON-like variables).</summary>
    public List<Type> ExpressionTypes { get; } = [];

    /// <summary>The zone in which dates without a time (timer dates, due dates) start, and "today" is counted.</summary>
    public TimeZoneInfo TimeZone { get; set; } = FindStockholm();

    /// <summary>Length, nesting and built sizes of expressions, and the largest n of a working-day function.</summary>
    public ExpressionLimits ExpressionLimits { get; set; } = new();

    /// <summary>Size of a BPMN file the parser reads.</summary>
    public BpmnLimits BpmnLimits { get; set; } = new();

    public EngineOptions UseFunctions<T>() where T : ExpressionFunctions, new()
    {
        FunctionsType = typeof(T);
        return this;
    }

    private static TimeZoneInfo FindStockholm()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }
}
