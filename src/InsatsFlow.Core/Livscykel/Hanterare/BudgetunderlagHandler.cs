using InsatsFlow.Core.Data;
using InsatsFlow.Core.Regelprovning;
using InsatsFlow.Engine;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Livscykel.Hanterare;

/// <summary>budgetunderlag: the förbund's members (the samråd multi-instance), or the inputs of the adoption and årsredovisning gates.</summary>
public sealed class BudgetunderlagHandler(IDomanData data, Regelunderlag underlag) : IServiceTaskHandler
{
    public string Name => "budgetunderlag";

    public async Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var vilket = context.Properties.GetValueOrDefault("underlag");
        var resultat = new Dictionary<string, object?>();
        switch (vilket)
        {
            case "medlemmar":
                var forbundId = Processvariabler.KravGuid(context.Variables, Processvariabler.ForbundId);
                var namn = await data.Medlemmar.Where(m => m.ForbundId == forbundId).OrderBy(m => m.Namn).Select(m => m.Namn).ToListAsync(cancellationToken);
                resultat["medlemmar"] = namn.Cast<object?>().ToList();
                break;
            case "antagande":
                foreach (var regelverk in new[] { "budgetbeslut", "balanskrav", "medlemsandelar" })
                    Lasning.Sammanfoga(resultat, await underlag.ByggAsync(regelverk, context.Variables, cancellationToken));
                break;
            case "arsredovisning":
                Lasning.Sammanfoga(resultat, await underlag.ByggAsync("arsredovisning", context.Variables, cancellationToken));
                break;
            default:
                throw new InvalidOperationException($"{context.ElementId}: underlag = \"{vilket}\" är okänt; giltiga är medlemmar, antagande, arsredovisning.");
        }
        return resultat;
    }
}
