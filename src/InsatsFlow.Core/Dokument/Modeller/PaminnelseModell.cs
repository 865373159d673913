namespace InsatsFlow.Core.Dokument.Modeller;

/// <summary>A reminder or escalation about a task with a due date (templates/paminnelse.sbn).</summary>
/// <param name="Niva">"påminnelse", "förfallen" or "eskalering".</param>
public sealed record PaminnelseModell(
    Forbundsuppgifter Forbund,
    string Mottagare,
    string Niva,
    string Uppgift,
    string Arende,
    string? Diarienummer,
    DateOnly Forfallodatum,
    int ArbetsdagarKvar,
    string? Ansvarig,
    string? Lank);
