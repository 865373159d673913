using InsatsFlow.Core.Data;
using InsatsFlow.Core.Regelprovning;
using InsatsFlow.Engine;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Livscykel.Hanterare;

/// <summary>
/// budgetunderlag: the förbund's members' ids (the samråd multi-instance). Rule input is built by each gate
/// (<see cref="Regelgrind"/>); a property "regelverk" left in an older diagram is ignored.
/// </summary>
public sealed class BudgetunderlagHandler(IDomanData data) : IServiceTaskHandler
{
    public string Name => "budgetunderlag";

    public async Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var forbundId = Processvariabler.KravGuid(context.Variables, Processvariabler.ForbundId);
        // ids: each samråd task names its medlem (the element variable "medlem"), looked up by id
        var ids = await data.Medlemmar.Where(m => m.ForbundId == forbundId).OrderBy(m => m.Namn).Select(m => m.Id).ToListAsync(cancellationToken);
        var resultat = new Dictionary<string, object?> { ["medlemmar"] = ids.Select(m => (object?)m.ToString()).ToList() };
        return resultat;
    }
}
