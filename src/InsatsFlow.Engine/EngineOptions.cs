using InsatsFlow.Engine.Expressions;
using InsatsFlow.Engine.Parsing;

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

    /// <summary>
    /// The start variable whose value stamps a new instance's tenant (and so its tasks, journal and incidents) when the
    /// start names none; a called instance takes its parent's.
    /// </summary>
    public string TenantVariable { get; set; } = "tenantId";

    /// <summary>How long an idempotency key answers with its first result before it is purged (InsatsFlow:Motor:Idempotenstid).</summary>
    public TimeSpan IdempotencyLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>What a cycle timer does when it fires late (after downtime): see <see cref="CycleMisfirePolicy"/>.</summary>
    public CycleMisfirePolicy CycleMisfire { get; set; } = CycleMisfirePolicy.FireOnceNow;

    /// <summary>How late a firing may be and still count as on time (Quartz's misfire threshold).</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);

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

/// <summary>What a cycle timer (R/…/P…) does with repetitions missed while the service was down; named as Quartz names its misfire instructions.</summary>
public enum CycleMisfirePolicy
{
    /// <summary>The late firing fires once, now; the missed repetitions count as used and the next is one period from now.</summary>
    FireOnceNow,

    /// <summary>The late firing does not fire; the next is the schedule's next repetition after now, with the missed ones counted as used.</summary>
    RescheduleNextWithRemainingCount,

    /// <summary>Every missed repetition fires, one after the other (Quartz's IgnoreMisfirePolicy).</summary>
    IgnoreMisfirePolicy,
}
