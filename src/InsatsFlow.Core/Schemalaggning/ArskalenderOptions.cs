namespace InsatsFlow.Core.Schemalaggning;

/// <summary>
/// Configuration section "InsatsFlow:Arskalender": a Quartz cron expression (seconds minutes hours day-of-month
/// month day-of-week), read in Europe/Stockholm, per <see cref="Arshandelse"/>; an event left out is not scheduled.
/// </summary>
public sealed class ArskalenderOptions
{
    public const string Sektion = "InsatsFlow:Arskalender";

    public Dictionary<string, string> Handelser { get; set; } = [];

    /// <summary>Who is told: the kansli's and the styrelse's groups, and the förbundschef ("grupp:…" or "anvandare:…").</summary>
    public string Kansli { get; set; } = "grupp:kansli";
    public string Styrelse { get; set; } = "grupp:styrelse";
    public string Forbundschef { get; set; } = "grupp:forbundschef";

    /// <summary>The process key started by <see cref="Arshandelse.StartaBudgetprocess"/> (workflows/budgetprocess.bpmn).</summary>
    public string Budgetprocess { get; set; } = "budgetprocess";

    /// <summary>How far back the start-up catch-up looks for yearly events that fell due while the service was down.</summary>
    public TimeSpan Efterhandsfonster { get; set; } = TimeSpan.FromDays(40);
}
