using InsatsFlow.Engine.Expressions;

namespace InsatsFlow.Engine;

/// <summary>How a host tunes the engine: expression functions, extra types, time zone, limits.</summary>
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

    /// <summary>
    /// How many elements one command may enter before the token that goes on is stopped as an incident: a loop without a
    /// wait state would otherwise spin until the process dies (setting InsatsFlow:Motor:StegPerKommando).
    /// </summary>
    public int StepBudget { get; set; } = 10_000;

    /// <summary>How long an idempotency key answers with its first result before it is purged (InsatsFlow:Motor:Idempotenstid).</summary>
    public TimeSpan IdempotencyLifetime { get; set; } = TimeSpan.FromHours(24);

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
