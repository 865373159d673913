using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;
using InsatsFlow.Engine.Time;

namespace InsatsFlow.Core.Notifieringar;

/// <summary>
/// sendTask camunda:type="notifiering" (workflows/README.md): properties mottagare = tilldelad | forbundschef,
/// uppgift = the user task's element id, mall = paminnelse. For each open task of that element it queues
/// templates/paminnelse.sbn to the assignee (or the candidate groups, or users, while unclaimed), or to the
/// förbundschef group as an escalation. A task completed meanwhile gets nothing. Queued in the step's
/// transaction, so the engine's exactly-once firing makes the reminder exactly-once too.
/// </summary>
public sealed class NotifieringHandler(
    IEngineStore engine,
    IBusinessCalendar kalender,
    Paminnelseutskick utskick,
    IEnumerable<IPaminnelsemodellbyggare> byggare) : IServiceTaskHandler
{
    public const string Namn = "notifiering";
    public const string Forbundschef = "forbundschef";

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public string Name => Namn;

    public async Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var mottagartyp = Krav(context, "mottagare");
        if (mottagartyp is not ("tilldelad" or Forbundschef))
            throw new InvalidOperationException($"Serviceuppgiften {context.ElementId}: mottagaren \"{mottagartyp}\" finns inte (tilldelad eller forbundschef).");
        var mall = context.Properties.GetValueOrDefault("mall") ?? "paminnelse";
        if (mall != "paminnelse")
            throw new InvalidOperationException($"Serviceuppgiften {context.ElementId}: mallen \"{mall}\" kan inte skickas som notifiering (bara paminnelse).");
        var elementId = Krav(context, "uppgift");
        var modellbyggare = byggare.LastOrDefault()
            ?? throw new InvalidOperationException($"Serviceuppgiften {context.ElementId}: ingen IPaminnelsemodellbyggare är registrerad.");

        var uppgifter = (await engine.TasksAsync(new TaskFilter(InstanceId: context.ProcessInstanceId), cancellationToken))
            .Where(t => t.ElementId == elementId && t.State == TaskState.Open)
            .ToList();
        var idag = Dag(context.Now);
        foreach (var uppgift in uppgifter)
        {
            var forfallodatum = uppgift.DueAt is { } due ? Dag(due) : idag;
            var kvar = Arbetsdagar(idag, forfallodatum);
            var niva = mottagartyp == Forbundschef ? "eskalering"
                : uppgift.DueAt is { } frist && context.Now < frist ? "påminnelse"
                : "förfallen";
            foreach (var mottagare in Mottagare(mottagartyp, uppgift))
            {
                var modell = await modellbyggare.ByggAsync(new Paminnelsetillfalle(context, uppgift, mottagare, niva, forfallodatum, kvar), cancellationToken);
                await utskick.KoaAsync(modell, mottagare, processInstansId: context.ProcessInstanceId, cancellationToken: cancellationToken);
            }
        }
        return null;
    }

    private static IEnumerable<Mottagare> Mottagare(string mottagartyp, TaskItem uppgift)
    {
        if (mottagartyp == Forbundschef) return [Notifieringar.Mottagare.Grupp(Forbundschef)];
        if (uppgift.Assignee is { Length: > 0 } tilldelad) return [Notifieringar.Mottagare.Anvandare(tilldelad)];
        if (uppgift.CandidateGroupList.Count > 0) return uppgift.CandidateGroupList.Select(Notifieringar.Mottagare.Grupp);
        if (uppgift.CandidateUserList.Count > 0) return uppgift.CandidateUserList.Select(Notifieringar.Mottagare.Anvandare);
        // Nobody holds it: the förbundschef must know, or the reminder would vanish.
        return [Notifieringar.Mottagare.Grupp(Forbundschef)];
    }

    private int Arbetsdagar(DateOnly idag, DateOnly frist)
    {
        var (fran, till, tecken) = frist >= idag ? (idag, frist, 1) : (frist, idag, -1);
        var antal = 0;
        for (var dag = fran.AddDays(1); dag <= till; dag = dag.AddDays(1))
            if (kalender.IsWorkingDay(dag)) antal++;
        return tecken * antal;
    }

    private static DateOnly Dag(DateTimeOffset tid) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(tid, Stockholm).DateTime);

    private static string Krav(ServiceTaskContext context, string egenskap) =>
        context.Properties.TryGetValue(egenskap, out var varde) && !string.IsNullOrWhiteSpace(varde)
            ? varde.Trim()
            : throw new InvalidOperationException($"Serviceuppgiften {context.ElementId} saknar egenskapen {egenskap}.");
}
