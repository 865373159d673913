namespace InsatsFlow.Simulering;

/// <summary>The simulation's clock: set, not ticking. Each lifecycle runs from its own start date, so it may be set back.</summary>
public sealed class SimuleradKlocka(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Nu { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Nu;
}
