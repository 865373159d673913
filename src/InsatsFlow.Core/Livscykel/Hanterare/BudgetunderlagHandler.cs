using InsatsFlow.Core.Data;
using InsatsFlow.Core.Regelprovning;
using InsatsFlow.Engine;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Livscykel.Hanterare;

/// <summary>
/// budgetunderlag: the förbund's members (the samråd multi-instance). Rule input is built by each gate
/// (<see cref="Regelgrind"/>); a property "regelverk" left in an older diagram is ignored.
/// </summary>
public sealed class BudgetunderlagHandler(IDomanData data) : IServiceTaskHandler
{
    public string Name => "budgetunderlag";

    public async Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var forbundId = Processvariabler.KravGuid(context.Variables, Processvariabler.ForbundId);
        var namn = await data.Medlemmar.Where(m => m.ForbundId == forbundId).OrderBy(m => m.Namn).Select(m => m.Namn).ToListAsync(cancellationToken);
        var resultat = new Dictionary<string, object?> { ["medlemmar"] = namn.Cast<object?>().ToList() };
        return resultat;
    }
}
