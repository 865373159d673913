using InsatsFlow.Core.Data;
using InsatsFlow.Core.Regelprovning;
using InsatsFlow.Engine;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Livscykel.Hanterare;

/// <summary>
/// insatsunderlag: for each regelverk in the property "regelverk" (comma-separated) puts its input in process
/// variables, freshly built from the domain by <see cref="Regelunderlag"/> and merged field by field
/// (workflows/README.md, "Inputs to the rules"); also the involved medlemmar's ids (the yttrande multi-instance), the sökande
/// and slutdatum (the genomförande timers; left out while the insats has no period).
/// </summary>
public sealed class InsatsunderlagHandler(IDomanData data, Regelunderlag underlag) : IServiceTaskHandler
{
    public string Name => "insatsunderlag";

    public async Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var resultat = new Dictionary<string, object?>();
        foreach (var regelverk in Regelverkslista.Las(context))
            Lasning.Sammanfoga(resultat, await underlag.ByggAsync(regelverk, context.Variables, cancellationToken));
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
