using InsatsFlow.Core.Data;
using InsatsFlow.Core.Regelprovning;
using InsatsFlow.Engine;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Livscykel.Hanterare;

/// <summary>
/// insatsunderlag: puts the inputs of the next rule gates in process variables, freshly built from the domain by
/// <see cref="Regelunderlag"/> (workflows/README.md, "Inputs to the rules"); at ansökan also the involved
/// medlemmar (the yttrande multi-instance) and slutdatum (the genomförande timers).
/// </summary>
public sealed class InsatsunderlagHandler(IDomanData data, Regelunderlag underlag) : IServiceTaskHandler
{
    private static readonly Dictionary<string, string[]> Regelverk = new()
    {
        ["ide"] = ["ansokan-komplett"],
        ["ansokan"] = ["ansokan-komplett", "stodberattigande-kostnader", "berorda-parter", "malgrupp", "beviljat-belopp"],
        ["sammantrade"] = ["jav-och-beslutforhet"],
        ["implementering"] = ["jav-och-beslutforhet", "implementeringsbeslut"],
    };

    public string Name => "insatsunderlag";

    public async Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var vilket = context.Properties.GetValueOrDefault("underlag") ?? "";
        if (!Regelverk.TryGetValue(vilket, out var regelverk))
            throw new InvalidOperationException($"{context.ElementId}: underlag = \"{vilket}\" är okänt; giltiga är {string.Join(", ", Regelverk.Keys)}.");
        var resultat = new Dictionary<string, object?>();
        foreach (var namn in regelverk)
            Lasning.Sammanfoga(resultat, await underlag.ByggAsync(namn, context.Variables, cancellationToken));
        if (vilket == "ansokan")
        {
            var insats = await Lasning.InsatsAsync(data, context.Variables, cancellationToken);
            var ids = insats.InvolveradeMedlemmar.Select(m => m.MedlemId).ToList();
            var medlemmar = await data.Medlemmar.Where(m => ids.Contains(m.Id)).OrderBy(m => m.Namn).Select(m => m.Namn).ToListAsync(cancellationToken);
            resultat["medlemmar"] = medlemmar.Cast<object?>().ToList();
            resultat["slutdatum"] = insats.PeriodSlut;
        }
        return resultat;
    }
}
