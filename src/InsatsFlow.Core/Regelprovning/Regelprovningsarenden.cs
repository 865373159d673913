using InsatsFlow.Core.Data;
using InsatsFlow.Core.Livscykel;
using InsatsFlow.Engine.Store;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Regelprovning;

/// <summary>
/// Which case a stored evaluation belongs to: the insats (diarienummer, titel) or the budget year of the process
/// instance that made it, through the instance's business key (an insats id, or budget-&lt;år&gt;-&lt;förbund&gt;).
/// </summary>
public sealed class Regelprovningsarenden(IDomanData data, IEngineStore engine)
{
    public async Task<IReadOnlyDictionary<string, Provningsarende>> ForAsync(IEnumerable<string?> instansIds, CancellationToken ct)
    {
        var onskade = instansIds.OfType<string>().ToHashSet();
        if (onskade.Count == 0) return new Dictionary<string, Provningsarende>();
        var instanser = (await engine.FindInstancesAsync(null, null, false, ct)).ToDictionary(i => i.Id);
        var insatsIds = instanser.Values.Select(i => Guid.TryParse(i.BusinessKey, out var g) ? g : (Guid?)null).OfType<Guid>().ToList();
        var insatser = await data.Insatser.Where(i => insatsIds.Contains(i.Id)).Select(i => new { i.Id, i.Diarienummer, i.Titel }).ToDictionaryAsync(i => i.Id, ct);
        var resultat = new Dictionary<string, Provningsarende>();
        foreach (var id in onskade)
        {
            // A called process answers for the case of the instance that called it.
            var instans = instanser.GetValueOrDefault(id);
            var rot = instans;
            for (var n = 0; rot?.ParentInstanceId is { } parent && n < 20; n++) rot = instanser.GetValueOrDefault(parent) ?? rot;
            var pagar = instans?.Status == InstanceStatus.Running;
            if (rot?.BusinessKey is { } nyckel && Guid.TryParse(nyckel, out var insatsId) && insatser.TryGetValue(insatsId, out var i))
                resultat[id] = new Provningsarende($"{i.Diarienummer} {i.Titel}", i.Diarienummer, i.Titel, null, pagar);
            else if (rot?.BusinessKey is { } budgetnyckel && Budgetar(budgetnyckel) is { } ar)
                resultat[id] = new Provningsarende($"Budget {ar}", null, null, ar, pagar);
            else
                resultat[id] = new Provningsarende(rot?.BusinessKey ?? id, null, null, null, pagar);
        }
        return resultat;
    }

    private static int? Budgetar(string nyckel)
    {
        var delar = nyckel.Split('-');
        return delar.Length == 3 && delar[0] == "budget" && int.TryParse(delar[1], out var ar)
            && nyckel == Livscykelstart.Budgetnyckel(ar, Guid.TryParse(delar[2], out var f) ? f : Guid.Empty) ? ar : null;
    }
}

/// <summary>The case of an evaluation, as a jurist names it.</summary>
/// <param name="Text">"SF 2026/012 Hälsodisken" or "Budget 2027".</param>
/// <param name="Pagar">The process instance is still running.</param>
public sealed record Provningsarende(string Text, string? Diarienummer, string? Titel, int? Budgetar, bool Pagar);
