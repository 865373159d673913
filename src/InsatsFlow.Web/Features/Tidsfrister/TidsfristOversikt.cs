using InsatsFlow.Core.Kalender;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Jobs;
using Quartz;

namespace InsatsFlow.Web.Features.Tidsfrister;

public sealed record SchemalagtJobb(string Grupp, string Namn, string? Beskrivning, DateTimeOffset? Nasta, DateTime? NastaStockholm);

public sealed record VantandeTimer(string Id, string? InstansId, string Definition, string Element, DateTimeOffset Forfaller, DateTime ForfallerStockholm);

/// <summary>A job of the job executor: pending (with its attempts so far) or failed (with its last error).</summary>
public sealed record Jobbrad(string Id, string Typ, string? Mal, DateTimeOffset Forfaller, DateTime ForfallerStockholm, int Forsok, string? SenasteFel, string? LasAv);

public sealed record Schemaoversikt(IReadOnlyList<SchemalagtJobb> Jobb, IReadOnlyList<VantandeTimer> Timrar, int FriststegKoade,
    DateTime? NastaFriststegStockholm, int JobbVantande, IReadOnlyList<Jobbrad> Kommande, IReadOnlyList<Jobbrad> Misslyckade);

/// <summary>What will fire next: the yearly calendar's Quartz triggers, the job executor's jobs (failed ones first) and the engine's timers.</summary>
public sealed class TidsfristOversikt(ProcessEngine motor, IJobStore jobbtabell, IServiceProvider tjanster)
{
    public const int MaxTimrar = 500;
    public const int MaxJobb = 200;

    public async Task<Schemaoversikt> HamtaAsync(CancellationToken ct)
    {
        var jobb = new List<SchemalagtJobb>();
        if (tjanster.GetService<ISchedulerFactory>() is { } fabrik)
        {
            var scheduler = await fabrik.GetScheduler(ct);
            foreach (var nyckel in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup(), ct))
            {
                var trigger = await scheduler.GetTrigger(nyckel, ct);
                if (trigger is null) continue;
                var nasta = trigger.NextFireTimeUtc;
                jobb.Add(new SchemalagtJobb(nyckel.Group, nyckel.Name, trigger.Description, nasta, Stockholm(nasta)));
            }
        }
        var timrar = (await motor.NextTimersAsync(MaxTimrar, ct))
            .Select(t => new VantandeTimer(t.Id, t.InstanceId, t.DefinitionId, t.ElementId, t.DueAt, Stockholm(t.DueAt)!.Value)).ToList();
        var kommande = (await jobbtabell.ListAsync(JobState.Pending, MaxJobb, ct)).Select(Rad).ToList();
        var misslyckade = (await jobbtabell.ListAsync(JobState.Failed, MaxJobb, ct)).Select(Rad).ToList();
        var friststeg = kommande.Where(j => j.Typ == Core.Schemalaggning.Fristplanerare.Jobbtyp).ToList();
        return new Schemaoversikt(jobb.OrderBy(j => j.Nasta ?? DateTimeOffset.MaxValue).ToList(), timrar,
            friststeg.Count, friststeg.FirstOrDefault()?.ForfallerStockholm, await jobbtabell.CountAsync(JobState.Pending, ct), kommande, misslyckade);
    }

    private static Jobbrad Rad(Job j) => new(j.Id, j.Kind, j.Target, j.DueAt, Stockholm(j.DueAt)!.Value, j.Attempts, j.LastError, j.LockOwner);

    private static DateTime? Stockholm(DateTimeOffset? tid) =>
        tid is { } t ? TimeZoneInfo.ConvertTime(t, SvenskaArbetsdagar.Stockholm).DateTime : null;
}
