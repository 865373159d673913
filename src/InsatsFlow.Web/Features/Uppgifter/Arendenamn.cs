using InsatsFlow.Core.Data;
using InsatsFlow.Engine.Store;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Web.Features.Uppgifter;

/// <summary>What a task is about, as the inbox names it: the insats's diarienummer and title, or the process's business key.</summary>
public sealed class Arendenamn(IDomanData data)
{
    public async Task<IReadOnlyDictionary<string, string>> ForAsync(IEnumerable<TaskItem> uppgifter, CancellationToken ct)
    {
        var nycklar = uppgifter.Select(t => t.BusinessKey).OfType<string>().Distinct().ToList();
        var ids = nycklar.Select(k => Guid.TryParse(k, out var g) ? g : (Guid?)null).OfType<Guid>().ToList();
        var insatser = await data.Insatser.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.Diarienummer, i.Titel }).ToListAsync(ct);
        var namn = nycklar.ToDictionary(k => k, k => k);
        foreach (var i in insatser) namn[i.Id.ToString()] = $"{i.Diarienummer} {i.Titel}";
        return namn;
    }
}
