using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Data;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Web.Features.Uppgifter;

/// <summary>A task's medlem, by id and name.</summary>
public sealed record Uppgiftsmedlem(Guid Id, string Namn);

/// <summary>
/// Which medlem each task is for: a yttrande names it in its candidate group "medlem:&lt;id&gt;"; a samråd (the kansli's
/// task) in its multi-instance element variable "medlem", read from the instance's tokens.
/// </summary>
public sealed class Uppgiftsmedlemmar(ProcessEngine engine, IDomanData data)
{
    public async Task<IReadOnlyDictionary<string, Uppgiftsmedlem>> ForAsync(IEnumerable<TaskItem> uppgifter, CancellationToken ct)
    {
        var ids = new Dictionary<string, Guid>();
        var utanGrupp = new List<TaskItem>();
        foreach (var t in uppgifter)
            if (Behorighetskontroll.UppgiftensMedlem(t) is { } m) ids[t.Id] = m;
            else utanGrupp.Add(t);
        foreach (var instans in utanGrupp.GroupBy(t => t.InstanceId))
        {
            InstanceView vy;
            try { vy = await engine.GetInstanceAsync(instans.Key, ct); }
            catch (EngineNotFoundException) { continue; }
            var tokens = vy.Tokens.ToDictionary(t => t.Id);
            foreach (var uppgift in instans)
                for (var t = tokens.GetValueOrDefault(uppgift.TokenId); t is not null; t = t.ParentId is null ? null : tokens.GetValueOrDefault(t.ParentId))
                    if (t.Locals?.GetValueOrDefault("medlem") is { } v && Guid.TryParse(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture), out var id))
                    {
                        ids[uppgift.Id] = id;
                        break;
                    }
        }
        if (ids.Count == 0) return new Dictionary<string, Uppgiftsmedlem>();
        var medlemsIds = ids.Values.Distinct().ToList();
        var namn = await data.Medlemmar.AsNoTracking().Where(m => medlemsIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Namn, ct);
        return ids.ToDictionary(p => p.Key, p => new Uppgiftsmedlem(p.Value, namn.GetValueOrDefault(p.Value, "okänd medlem")));
    }

    public async Task<Uppgiftsmedlem?> ForAsync(TaskItem uppgift, CancellationToken ct) =>
        (await ForAsync([uppgift], ct)).GetValueOrDefault(uppgift.Id);
}
