using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Regelprovning;

namespace InsatsFlow.Core.Livscykel.Tillampning;

internal static class Budgetar
{
    /// <summary>The instance's Arsbudget, made (empty, as a proposal) when the budget work starts on a new year.</summary>
    public static async Task<Arsbudget> HamtaEllerSkapaAsync(IDomanData data, IReadOnlyDictionary<string, object?> variabler, CancellationToken ct)
    {
        var budget = await Lasning.BudgetAsync(data, variabler, ct);
        if (budget is not null) return budget;
        budget = new Arsbudget
        {
            ForbundId = Processvariabler.KravGuid(variabler, Processvariabler.ForbundId),
            Ar = Processvariabler.Heltal(variabler, Processvariabler.Budgetar)!.Value,
        };
        data.Arsbudgetar.Add(budget);
        return budget;
    }
}
