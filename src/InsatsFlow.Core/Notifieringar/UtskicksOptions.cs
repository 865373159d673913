namespace InsatsFlow.Core.Notifieringar;

/// <summary>How the dispatcher works through the outbox (configuration section "Notifieringar").</summary>
public sealed class UtskicksOptions
{
    public const string Sektion = "Notifieringar";

    /// <summary>How often the job executor's outbox job looks for due rows.</summary>
    public TimeSpan Intervall { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Rows per run.</summary>
    public int Batch { get; set; } = 100;

    /// <summary>Wait after the first failure; doubled per further failure up to <see cref="MaxVantan"/>.</summary>
    public TimeSpan ForstaVantan { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxVantan { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a dispatcher holds a row while sending; if it dies, another takes the row after this.</summary>
    public TimeSpan Reservation { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan Vantan(int forsok)
    {
        var ganger = Math.Pow(2, Math.Clamp(forsok - 1, 0, 30));
        var vantan = TimeSpan.FromTicks((long)Math.Min(ForstaVantan.Ticks * ganger, MaxVantan.Ticks));
        return vantan;
    }
}
