using InsatsFlow.Core.Data;
using InsatsFlow.Core.Regelprovning;
using InsatsFlow.Engine;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Livscykel.Hanterare;

/// <summary>
/// insatsunderlag: the involved medlemmar's ids (the yttrande multi-instance), the sökande and slutdatum (the genomförande
/// timers; left out while the insats has no period). Rule input is not put here: each gate builds it from the domain
/// (<see cref="Regelgrind"/>), so a property "regelverk" left in an older diagram is ignored.
/// </summary>
public sealed class InsatsunderlagHandler(IDomanData data) : IServiceTaskHandler
{
    public string Name => "insatsunderlag";

    public async Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var resultat = new Dictionary<string, object?>();
        var insats = await Lasning.InsatsAsync(data, context.Variables, cancellationToken);
        var ids = insats.InvolveradeMedlemmar.Select(m => m.MedlemId).ToList();
        // ids, not names: each yttrande goes to the group "medlem:<id>" of that medlem's own representatives
        var medlemmar = await data.Medlemmar.Where(m => ids.Contains(m.Id)).OrderBy(m => m.Namn).Select(m => m.Id).ToListAsync(cancellationToken);
        resultat["medlemmar"] = medlemmar.Select(m => (object?)m.ToString()).ToList();
        resultat[Sokande.Variabel] = Sokande.For(insats, context.Variables);
        if (insats.PeriodSlut is { } slut) resultat["slutdatum"] = slut;
        return resultat;
    }
}
