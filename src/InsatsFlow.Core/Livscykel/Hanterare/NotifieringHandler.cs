using InsatsFlow.Core.Dokument;
using InsatsFlow.Core.Dokument.Modeller;
using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Core.Regelprovning;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;

namespace InsatsFlow.Core.Livscykel.Hanterare;

/// <summary>
/// notifiering (sendTask): queues a reminder about the overdue task "uppgift" in the outbox — to whoever holds it
/// (its candidate group while unclaimed) or, with mottagare = forbundschef, to the förbundschef. Queued in the
/// engine's unit of work, so it exists exactly when the timer's step committed; one per task and recipient.
/// </summary>
public sealed class NotifieringHandler(IEngineStore store, INotificationOutbox utkorg, DokumentRenderer renderer, LivscykelOptions options) : IServiceTaskHandler
{
    public const string Forbundschef = "forbundschef";

    public string Name => "notifiering";

    public async Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var uppgift = context.Properties.GetValueOrDefault("uppgift")
            ?? throw new InvalidOperationException($"{context.ElementId}: egenskapen uppgift saknas.");
        var vem = context.Properties.GetValueOrDefault("mottagare") ?? "tilldelad";
        var tasks = (await store.TasksAsync(new TaskFilter(InstanceId: context.ProcessInstanceId), cancellationToken)).Where(t => t.ElementId == uppgift).ToList();
        foreach (var task in tasks)
        {
            var mottagare = vem == Forbundschef ? Mottagare.Grupp(Forbundschef)
                : task.Assignee is { } a ? Mottagare.Anvandare(a)
                : Mottagare.Grupp(task.CandidateGroupList.FirstOrDefault() ?? Forbundschef);
            var diarienummer = Processvariabler.Text(context.Variables, "diarienummer");
            var forfallen = task.DueAt ?? context.Now;
            var modell = new PaminnelseModell(
                new Forbundsuppgifter("", "", options.Postadress, options.Webbplats), mottagare.Id,
                vem == Forbundschef ? "eskalering" : "förfallen", task.Name ?? task.ElementId,
                Processvariabler.Text(context.Variables, "titel") ?? context.BusinessKey ?? context.ProcessInstanceId,
                diarienummer, Lasning.Idag(forfallen), 0, task.Assignee, null);
            var html = await renderer.RenderaAsync(Dokumenttyp.Paminnelse, modell, cancellationToken);
            await utkorg.KoaAsync(new NyNotifiering(
                mottagare, Kanal.Epost,
                $"{(vem == Forbundschef ? "Försenad uppgift" : "Påminnelse")}: {task.Name ?? task.ElementId}{(diarienummer is null ? "" : $" ({diarienummer})")}",
                html.Html, null, $"{vem}:{task.Id}", context.ProcessInstanceId, InnehallArHtml: true), cancellationToken);
        }
        return null;
    }
}
