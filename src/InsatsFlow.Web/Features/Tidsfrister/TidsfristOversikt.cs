using InsatsFlow.Core.Kalender;
using InsatsFlow.Data.Schemalaggning;
using InsatsFlow.Engine;
using Quartz;

namespace InsatsFlow.Web.Features.Tidsfrister;

public sealed record SchemalagtJobb(string Grupp, string Namn, string? Beskrivning, DateTimeOffset? Nasta, DateTime? NastaStockholm);

public sealed record VantandeTimer(string Id, string? InstansId, string Definition, string Element, DateTimeOffset Forfaller, DateTime ForfallerStockholm);

public sealed record Schemaoversikt(IReadOnlyList<SchemalagtJobb> Jobb, IReadOnlyList<VantandeTimer> Timrar, int FriststegKoade, DateTime? NastaFriststegStockholm);

/// <summary>What will fire next: Quartz's triggers, the engine's pending timers and the default chain's queue.</summary>
public sealed class TidsfristOversikt(ProcessEngine motor, IServiceProvider tjanster)
{
    public const int MaxTimrar = 500;

    public async Task<Schemaoversikt> HamtaAsync(CancellationToken ct)
    {
        var jobb = new List<SchemalagtJobb>();
        if (tjanster.GetService<ISchedulerFactory>() is { } fabrik)
        {
            var scheduler = await fabrik.GetScheduler(ct);
            foreach (var nyckel in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup(), ct))
            {
                // one trigger per engine timer: those are listed below from the rows themselves
                if (nyckel.Group == "insatsflow-timers") continue;
                var trigger = await scheduler.GetTrigger(nyckel, ct);
                if (trigger is null) continue;
                var nasta = trigger.NextFireTimeUtc;
                jobb.Add(new SchemalagtJobb(nyckel.Group, nyckel.Name, trigger.Description, nasta, Stockholm(nasta)));
            }
        }
        var timrar = (await motor.PendingTimersAsync(ct: ct)).OrderBy(t => t.DueAt).Take(MaxTimrar)
            .Select(t => new VantandeTimer(t.Id, t.InstanceId, t.DefinitionId, t.ElementId, t.DueAt, Stockholm(t.DueAt)!.Value)).ToList();
        var bevakare = tjanster.GetService<Fristbevakare>();
        return new Schemaoversikt(jobb.OrderBy(j => j.Nasta ?? DateTimeOffset.MaxValue).ToList(), timrar,
            bevakare?.Koade ?? 0, Stockholm(bevakare?.Nasta));
    }

    private static DateTime? Stockholm(DateTimeOffset? tid) =>
        tid is { } t ? TimeZoneInfo.ConvertTime(t, SvenskaArbetsdagar.Stockholm).DateTime : null;
}
