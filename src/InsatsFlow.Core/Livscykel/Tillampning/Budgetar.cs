using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Regelprovning;

namespace InsatsFlow.Core.Livscykel.Tillampning;

internal static class Budgetar
{
    /// <summary>
    /// A date that belongs to the budget for <paramref name="budgetar"/> (its samråd, adoption, publication) lies in the
    /// year before the budget year or in the budget year itself; anything else is a typing error (2022 for 2027), refused
    /// with the field named.
    /// </summary>
    public static Valideringsfel? Orimligt(int budgetar, DateOnly datum, string falt, string vad)
    {
        var fran = new DateOnly(budgetar - 1, 1, 1);
        var till = new DateOnly(budgetar, 12, 31);
        return datum >= fran && datum <= till ? null : new(falt,
            $"{vad} {Dokument.SvenskFormatering.Datum(datum)} hör inte till budgeten för {budgetar}; ange ett datum från {Dokument.SvenskFormatering.Datum(fran)} till {Dokument.SvenskFormatering.Datum(till)}.");
    }

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
