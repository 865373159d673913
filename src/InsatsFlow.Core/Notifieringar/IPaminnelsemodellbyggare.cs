using InsatsFlow.Core.Dokument.Modeller;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;

namespace InsatsFlow.Core.Notifieringar;

/// <summary>
/// Fills the reminder's document model (förbund, ärende, display names) from the domain. The host registers
/// one; <see cref="NotifieringHandler"/> has already worked out the level, the recipient and the working days.
/// </summary>
public interface IPaminnelsemodellbyggare
{
    Task<PaminnelseModell> ByggAsync(Paminnelsetillfalle tillfalle, CancellationToken cancellationToken);
}

/// <param name="Steg">The sendTask that runs the reminder.</param>
/// <param name="Uppgift">The open user task the reminder is about.</param>
/// <param name="Niva">"påminnelse", "förfallen" or "eskalering".</param>
/// <param name="ArbetsdagarKvar">Working days from today to the due date; negative when overdue.</param>
public sealed record Paminnelsetillfalle(
    ServiceTaskContext Steg,
    TaskItem Uppgift,
    Mottagare Mottagare,
    string Niva,
    DateOnly Forfallodatum,
    int ArbetsdagarKvar);
