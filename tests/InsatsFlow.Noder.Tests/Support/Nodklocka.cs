namespace InsatsFlow.Noder.Tests.Support;

/// <summary>
/// The system clock moved by <see cref="Forskjutning"/>: "now" jumps (timers fall due, leases expire) while waits and
/// timers still run in real time, so the hosts' pollers keep polling. One clock may serve several nodes.
/// </summary>
public sealed class Nodklocka : TimeProvider
{
    private long ticks;

    public TimeSpan Forskjutning
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref ticks));
        set => Interlocked.Exchange(ref ticks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Forskjutning;
}
