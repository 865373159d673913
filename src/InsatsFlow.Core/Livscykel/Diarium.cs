using InsatsFlow.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Livscykel;

/// <summary>Gives an insats its diarienummer: "SF 2026/014", numbered per förbund and year.</summary>
public sealed class Diarium(IDomanData data, LivscykelOptions options)
{
    public async Task<string> NastaAsync(Guid forbundId, int ar, CancellationToken ct)
    {
        var prefix = $"{options.Diarieprefix} {ar}/";
        var sparade = await data.Insatser.Where(i => i.ForbundId == forbundId && i.Diarienummer.StartsWith(prefix))
            .Select(i => i.Diarienummer).ToListAsync(ct);
        var nya = data.Insatser.Local.Where(i => i.ForbundId == forbundId && i.Diarienummer.StartsWith(prefix, StringComparison.Ordinal)).Select(i => i.Diarienummer);
        var hogsta = sparade.Concat(nya).Select(d => int.TryParse(d[prefix.Length..], out var n) ? n : 0).DefaultIfEmpty(0).Max();
        return $"{prefix}{hogsta + 1:000}";
    }
}
