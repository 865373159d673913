using System.Globalization;
using InsatsFlow.Core.Kalender;
using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Core.Schemalaggning;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InsatsFlow.Data.Schemalaggning;

/// <summary>
/// The default escalation chain (<see cref="FristpolicyOptions"/>) for open user tasks with a due date whose BPMN
/// element has no timer boundary event. The truth is in the database (open tasks, and the outbox's deduplication
/// keys of the steps already done); this singleton keeps the steps still to come in a queue ordered by time,
/// loaded in full at the first run (so after a restart every step that fell due fires, once), topped up with new
/// tasks on each run and reloaded in full every <see cref="FristpolicyOptions.Omlasning"/> as a safety net.
/// Each step is one transaction: the outbox row (its key makes it once) and the journal entry on the instance.
/// </summary>
public sealed class Fristbevakare(
    IServiceScopeFactory scopes, Fristkedja kedja, FristpolicyOptions policy, TimeProvider tid, ILogger<Fristbevakare> log)
{
    private readonly SemaphoreSlim las = new(1, 1);
    private readonly PriorityQueue<Steg, DateTimeOffset> ko = new();
    private readonly Dictionary<string, DateTimeOffset> kanda = [];
    private readonly Dictionary<string, HashSet<string>> elementMedTimer = [];
    private DateTimeOffset? senastLast;
    private string vattenmarke = "";

    private sealed record Steg(string UppgiftId, Friststeg Typ, DateTimeOffset Frist, DateTimeOffset Tid);

    /// <summary>Steps queued (for the admin page).</summary>
    public int Koade { get { lock (ko) return ko.Count; } }

    /// <summary>The next step's time, or null.</summary>
    public DateTimeOffset? Nasta { get { lock (ko) return ko.TryPeek(out _, out var t) ? t : null; } }

    /// <summary>Loads or tops up the queue, then fires every step due by now. Returns how many steps fired.</summary>
    public async Task<int> KorAsync(CancellationToken ct = default)
    {
        if (!policy.Aktiv) return 0;
        await las.WaitAsync(ct);
        try
        {
            var nu = tid.GetUtcNow();
            if (senastLast is null || nu - senastLast >= policy.Omlasning) await LasInAllaAsync(nu, ct);
            else await LasInNyaAsync(ct);
            return await AvfyraForfallnaAsync(ct);
        }
        finally
        {
            las.Release();
        }
    }

    /// <summary>A task's due date changed (or the task ended): its chain is recomputed at once.</summary>
    public async Task OmplaneraAsync(string uppgiftId, CancellationToken ct = default)
    {
        await las.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>();
            kanda.Remove(uppgiftId);
            var rader = await Fraga(db, uppgiftId: uppgiftId).ToListAsync(ct);
            await KoaAsync(db, rader, await KlaraNycklarAsync(db, uppgiftId, ct), ct);
        }
        finally
        {
            las.Release();
        }
    }

    private sealed record Rad(string Id, string InstanceId, string ElementId, DateTimeOffset? DueAt, string DefinitionId);

    // Filters are added only when given: an "x == null || …" in SQL would keep SQLite off the primary-key index.
    private static IQueryable<Rad> Fraga(InsatsFlowDbContext db, string? uppgiftId = null)
    {
        var uppgifter = db.Set<TaskItem>().Where(t => t.State == TaskState.Open && t.DueAt != null);
        if (uppgiftId is not null) uppgifter = uppgifter.Where(t => t.Id == uppgiftId);
        return from t in uppgifter
               join i in db.Set<ProcessInstance>() on t.InstanceId equals i.Id
               select new Rad(t.Id, t.InstanceId, t.ElementId, t.DueAt, i.DefinitionId);
    }

    private async Task LasInAllaAsync(DateTimeOffset nu, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>();
        var rader = await Fraga(db).AsNoTracking().ToListAsync(ct);
        var klara = await KlaraNycklarAsync(db, null, ct);
        lock (ko) ko.Clear();
        kanda.Clear();
        await KoaAsync(db, rader, klara, ct);
        senastLast = nu;
        vattenmarke = rader.Count == 0 ? vattenmarke : rader.Select(r => r.Id).Max(StringComparer.Ordinal)!;
    }

    private async Task LasInNyaAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>();
        // Ids are version-7 GUIDs: ordered by creation time. Look a little behind the mark, because a command
        // that made its id earlier may commit later.
        var fran = Bakat(vattenmarke);
        // only the primary key in SQL, so SQLite reads the key range and not every open task through (State, DueAt)
        var lasta = await db.Set<TaskItem>().AsNoTracking().Where(t => string.Compare(t.Id, fran) > 0)
            .Select(t => new { t.Id, t.InstanceId, t.ElementId, t.DueAt, t.State }).ToListAsync(ct);
        if (lasta.Count == 0) return;
        // the mark passes every task read, with a due date or not, so none is read again after the look-back
        var hogsta = lasta.Select(t => t.Id).Max(StringComparer.Ordinal)!;
        if (string.CompareOrdinal(hogsta, vattenmarke) > 0) vattenmarke = hogsta;
        var nya = lasta.Where(t => t.State == TaskState.Open && t.DueAt != null && !kanda.ContainsKey(t.Id)).ToList();
        if (nya.Count == 0) return;
        var instanser = nya.Select(t => t.InstanceId).Distinct().ToList();
        var definitioner = new Dictionary<string, string>();
        foreach (var del in instanser.Chunk(500))
            foreach (var i in await db.Set<ProcessInstance>().AsNoTracking().Where(i => del.Contains(i.Id)).Select(i => new { i.Id, i.DefinitionId }).ToListAsync(ct))
                definitioner[i.Id] = i.DefinitionId;
        var rader = nya.Where(t => definitioner.ContainsKey(t.InstanceId))
            .Select(t => new Rad(t.Id, t.InstanceId, t.ElementId, t.DueAt, definitioner[t.InstanceId])).ToList();
        if (rader.Count == 0) return;
        await KoaAsync(db, rader, await KlaraNycklarForInstanserAsync(db, rader.Select(r => r.InstanceId).Distinct().ToList(), ct), ct);
    }

    /// <summary>The mark minus five seconds, from the 48-bit millisecond timestamp at the front of a v7 GUID.</summary>
    private static string Bakat(string id)
    {
        if (id.Length < 12 || !long.TryParse(id[..12], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var ms)) return "";
        return Math.Max(0, ms - 5_000).ToString("x12", CultureInfo.InvariantCulture);
    }

    private static async Task<HashSet<string>> KlaraNycklarAsync(InsatsFlowDbContext db, string? uppgiftId, CancellationToken ct)
    {
        var prefix = uppgiftId is null ? "frist:" : $"frist:{uppgiftId}:";
        var nycklar = await db.Set<Notifiering>().AsNoTracking()
            .Where(n => n.Dedupliceringsnyckel != null && n.Dedupliceringsnyckel.StartsWith(prefix))
            .Select(n => n.Dedupliceringsnyckel!).ToListAsync(ct);
        return nycklar.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The keys already used by the given instances' tasks (the outbox row carries its instance, indexed).</summary>
    private static async Task<HashSet<string>> KlaraNycklarForInstanserAsync(InsatsFlowDbContext db, List<string> instanser, CancellationToken ct)
    {
        var nycklar = new HashSet<string>(StringComparer.Ordinal);
        foreach (var del in instanser.Chunk(500))
            nycklar.UnionWith(await db.Set<Notifiering>().AsNoTracking()
                .Where(n => n.ProcessInstansId != null && del.Contains(n.ProcessInstansId) && n.Dedupliceringsnyckel != null && n.Dedupliceringsnyckel.StartsWith("frist:"))
                .Select(n => n.Dedupliceringsnyckel!).ToListAsync(ct));
        return nycklar;
    }

    private async Task KoaAsync(InsatsFlowDbContext db, IReadOnlyList<Rad> rader, HashSet<string> klara, CancellationToken ct)
    {
        foreach (var rad in rader)
        {
            if (rad.DueAt is not { } frist) continue;
            if ((await ElementMedTimerAsync(db, rad.DefinitionId, ct)).Contains(rad.ElementId)) continue;
            kanda[rad.Id] = frist;
            foreach (var steg in kedja.Berakna(frist))
            {
                if (klara.Contains(Fristkedja.Dedupliceringsnyckel(rad.Id, steg.Steg, frist))) continue;
                lock (ko) ko.Enqueue(new Steg(rad.Id, steg.Steg, frist, steg.Tid), steg.Tid);
            }
        }
    }

    /// <summary>The user tasks of a definition that carry a timer boundary event: their BPMN has its own chain.</summary>
    private async Task<HashSet<string>> ElementMedTimerAsync(InsatsFlowDbContext db, string definitionId, CancellationToken ct)
    {
        if (elementMedTimer.TryGetValue(definitionId, out var mangd)) return mangd;
        var definition = await db.Set<ProcessDefinition>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == definitionId, ct);
        mangd = [];
        if (definition is not null)
        {
            using var scope = scopes.CreateScope();
            var model = scope.ServiceProvider.GetRequiredService<DefinitionRegistry>().Get(definition);
            foreach (var element in model.Elements.Values)
                if (element.Boundaries.Any(b => b.Trigger is TimerDefinition)) mangd.Add(element.Id);
        }
        elementMedTimer[definitionId] = mangd;
        return mangd;
    }

    /// <summary>Due steps are taken in batches, one transaction each; a batch that conflicts is retried step by step.</summary>
    public const int Batchstorlek = 100;

    private async Task<int> AvfyraForfallnaAsync(CancellationToken ct)
    {
        var avfyrade = 0;
        while (true)
        {
            var batch = new List<Steg>();
            lock (ko)
            {
                var nu = tid.GetUtcNow();
                while (batch.Count < Batchstorlek && ko.TryPeek(out var steg, out var tidpunkt) && tidpunkt <= nu)
                {
                    ko.Dequeue();
                    if (kanda.TryGetValue(steg.UppgiftId, out var frist) && frist != steg.Frist) continue; // an old chain
                    batch.Add(steg);
                }
            }
            if (batch.Count == 0) break;
            try
            {
                avfyrade += await AvfyraAsync(batch, ct);
            }
            catch (Exception e) when (e is EngineConflictException or DbUpdateException && batch.Count > 1)
            {
                foreach (var steg in batch) avfyrade += await AvfyraEnskiltAsync(steg, ct);
            }
            catch (Exception e) when (e is EngineConflictException or DbUpdateException)
            {
                // the task changed under us (completed, moved) or the step was done elsewhere; the next full load sees the truth
                log.LogInformation("Friststeget {Steg} för uppgiften {Uppgift} gjordes inte: {Fel}", batch[0].Typ, batch[0].UppgiftId, e.Message);
            }
        }
        return avfyrade;
    }

    private async Task<int> AvfyraEnskiltAsync(Steg steg, CancellationToken ct)
    {
        try
        {
            return await AvfyraAsync([steg], ct);
        }
        catch (Exception e) when (e is EngineConflictException or DbUpdateException)
        {
            log.LogInformation("Friststeget {Steg} för uppgiften {Uppgift} gjordes inte: {Fel}", steg.Typ, steg.UppgiftId, e.Message);
            return 0;
        }
    }

    private async Task<int> AvfyraAsync(IReadOnlyList<Steg> batch, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>();
        var utkorg = scope.ServiceProvider.GetRequiredService<INotificationOutbox>();
        var frister = scope.ServiceProvider.GetRequiredService<TaskDeadlines>();
        var mottagarePerSteg = batch.Select(_ => new List<Mottagare>()).ToList();
        var begaran = batch.Select((steg, i) => new ReminderRequest(steg.UppgiftId, Stegnamn(steg.Typ),
            new Dictionary<string, object?> { ["at"] = steg.Tid }, async uppgift =>
            {
                if (uppgift.DueAt != steg.Frist) return false; // moved since; OmplaneraAsync or the next load queues the new chain
                var mottagare = mottagarePerSteg[i];
                mottagare.AddRange(Mottagare(uppgift, steg.Typ));
                var nyckel = Fristkedja.Dedupliceringsnyckel(uppgift.Id, steg.Typ, steg.Frist);
                var nya = 0;
                for (var m = 0; m < mottagare.Count; m++)
                {
                    var rad = await utkorg.KoaAsync(Meddelande(uppgift, steg, mottagare[m], m == 0 ? nyckel : $"{nyckel}:{m}"), ct);
                    if (db.Entry(rad).State == EntityState.Added) nya++;
                }
                return nya > 0;
            })).ToList();
        var gjorda = await frister.RecordRemindersAsync(begaran, ct);
        for (var i = 0; i < batch.Count; i++)
            if (gjorda[i])
                log.LogInformation("Friststeg {Steg} för uppgiften {Uppgift} (frist {Frist}) till {Mottagare}",
                    batch[i].Typ, batch[i].UppgiftId, batch[i].Frist, string.Join(", ", mottagarePerSteg[i]));
        return gjorda.Count(g => g);
    }

    public static string Stegnamn(Friststeg steg) => steg switch
    {
        Friststeg.PaminnelseFore => "paminnelse-fore",
        Friststeg.PaminnelsePaFristen => "paminnelse",
        _ => "eskalering",
    };

    private IEnumerable<Mottagare> Mottagare(TaskItem uppgift, Friststeg steg)
    {
        if (steg == Friststeg.Eskalering)
        {
            yield return Mottagarval.Tolka(policy.Forbundschef)!;
            yield break;
        }
        if (uppgift.Assignee is { } tilldelad)
        {
            yield return Core.Notifieringar.Mottagare.Anvandare(tilldelad);
            yield break;
        }
        foreach (var anvandare in uppgift.CandidateUserList) yield return Core.Notifieringar.Mottagare.Anvandare(anvandare);
        foreach (var grupp in uppgift.CandidateGroupList) yield return Core.Notifieringar.Mottagare.Grupp(grupp);
    }

    private static NyNotifiering Meddelande(TaskItem uppgift, Steg steg, Mottagare mottagare, string nyckel)
    {
        var namn = uppgift.Name ?? uppgift.ElementId;
        var frist = TimeZoneInfo.ConvertTime(steg.Frist, SvenskaArbetsdagar.Stockholm).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var (amne, text) = steg.Typ switch
        {
            Friststeg.PaminnelseFore => ($"Påminnelse: {namn} ska vara klar {frist}",
                $"Uppgiften {namn}{Arende(uppgift)} ska vara klar senast {frist}."),
            Friststeg.PaminnelsePaFristen => ($"Tidsfristen går ut i dag: {namn}",
                $"Tidsfristen för uppgiften {namn}{Arende(uppgift)} går ut {frist}."),
            _ => ($"Eskalering: {namn} är försenad",
                $"Uppgiften {namn}{Arende(uppgift)} skulle ha varit klar {frist} och är fortfarande öppen ({TilldeladText(uppgift)})."),
        };
        return new NyNotifiering(mottagare, Kanal.Epost, amne, text, null, nyckel, uppgift.InstanceId);
    }

    private static string Arende(TaskItem uppgift) => uppgift.BusinessKey is { } nyckel ? $" i ärendet {nyckel}" : "";

    private static string TilldeladText(TaskItem uppgift) => uppgift.Assignee is { } a ? $"tilldelad {a}"
        : $"kandidater: {string.Join(", ", uppgift.CandidateUserList.Concat(uppgift.CandidateGroupList))}";
}
