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
        var resultat = new Dictionary<string, object?>
        {
            ["medlemmar"] = ids.Select(m => (object?)m.ToString()).ToList(),
            ["saknadeSamrad"] = (await SaknadeSamradAsync(forbundId, context.Variables, cancellationToken)).Cast<object?>().ToList(),
        };
        return resultat;
    }

    /// <summary>
    /// The members with no samråd before the budget was adopted (FINSAM 23 §), or with none at all while it is not yet
    /// adopted: what a failed budgetbeslut gate sends the kansli to record, one task per medlem. Ids, as in medlemmar,
    /// so the task names its medlem the same way a samråd task does.
    /// </summary>
    private async Task<List<string>> SaknadeSamradAsync(Guid forbundId, IReadOnlyDictionary<string, object?> variabler, CancellationToken ct)
    {
        var medlemmar = await data.Medlemmar.Where(m => m.ForbundId == forbundId).OrderBy(m => m.Namn).ToListAsync(ct);
        var ar = Processvariabler.Heltal(variabler, Processvariabler.Budgetar);
        var budget = ar is null ? null : await data.Arsbudgetar.FirstOrDefaultAsync(b => b.ForbundId == forbundId && b.Ar == ar, ct);
        return [.. medlemmar.Where(m => budget?.Samrad.Any(s => s.MedlemId == m.Id && (budget.AntagenDatum is not { } antagen || s.Datum < antagen)) != true)
            .Select(m => m.Id.ToString())];
    }
}
