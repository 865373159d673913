namespace InsatsFlow.Engine.Jobs;

/// <summary>Configuration section "InsatsFlow:Jobb": how the job executor polls, leases and retries.</summary>
public sealed class JobOptions
{
    public const string Section = "InsatsFlow:Jobb";

    /// <summary>
    /// The node's name (InsatsFlow:Nod), first in every lease this process takes, so a job row shows which node holds
    /// it; the process id and a random suffix follow, so a restarted node never mistakes its dead self's leases for its own.
    /// </summary>
    public string? Node { get; set; }

    /// <summary>How often a poller looks for due jobs (also the worst extra lateness).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How many jobs one claim takes.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claim holds a job; a poller that crashed loses its jobs to another after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts before a job stays failed (an incident for an engine timer).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait after the first failed attempt; doubled after each further one, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan Backoff { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often expired idempotency records are purged.</summary>
    public TimeSpan IdempotencyPurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1.</summary>
    public TimeSpan BackoffAfter(int attempt)
    {
        var wait = Backoff.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        return TimeSpan.FromMilliseconds(Math.Min(wait, MaxBackoff.TotalMilliseconds));
    }

    public void Validate()
    {
        if (PollInterval <= TimeSpan.Zero) throw new ArgumentException($"Inställningen {Section}:{nameof(PollInterval)} måste vara positiv ({PollInterval}).");
        if (BatchSize is < 1 or > 10_000) throw new ArgumentException($"Inställningen {Section}:{nameof(BatchSize)} ska vara 1–10000 ({BatchSize}).");
        if (Lease <= TimeSpan.Zero) throw new ArgumentException($"Inställningen {Section}:{nameof(Lease)} måste vara positiv ({Lease}).");
        if (MaxAttempts < 1) throw new ArgumentException($"Inställningen {Section}:{nameof(MaxAttempts)} måste vara minst 1 ({MaxAttempts}).");
        if (Backoff < TimeSpan.Zero || MaxBackoff < Backoff) throw new ArgumentException($"Inställningarna {Section}:{nameof(Backoff)}/{nameof(MaxBackoff)} går inte ihop ({Backoff}, {MaxBackoff}).");
        if (IdempotencyPurgeInterval <= TimeSpan.Zero) throw new ArgumentException($"Inställningen {Section}:{nameof(IdempotencyPurgeInterval)} måste vara positiv.");
    }
}
