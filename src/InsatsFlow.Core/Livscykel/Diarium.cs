using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Livscykel;

/// <summary>
/// Gives an insats its diarienummer ("SF 2026/014", numbered per förbund and year) and registers each handling of
/// the ärende under it ("SF 2026/014-3") with its registration date. Adds to the caller's unit of work.
/// </summary>
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

    /// <summary>Registers a handling produced or received in the insats's ärende, numbered after the ones before it.</summary>
    public async Task<Diariepost> RegistreraAsync(Insats insats, string handling, Handlingsriktning riktning, DateOnly registrerad,
        Guid? dokumentId, CancellationToken ct)
    {
        var sparade = await data.Diarieposter.Where(d => d.InsatsId == insats.Id).Select(d => d.Lopnummer).ToListAsync(ct);
        var nya = data.Diarieposter.Local.Where(d => d.InsatsId == insats.Id).Select(d => d.Lopnummer);
        var post = new Diariepost
        {
            ForbundId = insats.ForbundId,
            InsatsId = insats.Id,
            Arende = insats.Diarienummer,
            Lopnummer = sparade.Concat(nya).DefaultIfEmpty(0).Max() + 1,
            Handling = handling,
            Riktning = riktning,
            Registrerad = registrerad,
            DokumentId = dokumentId,
        };
        data.Diarieposter.Add(post);
        return post;
    }
}
