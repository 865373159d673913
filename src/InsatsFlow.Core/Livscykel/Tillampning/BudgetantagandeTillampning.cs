using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;

namespace InsatsFlow.Core.Livscykel.Tillampning;

/// <summary>
/// budgetantagande: the day the styrelse adopted the budget. It is a fact of the protocol, so it is written even
/// when the gates after it then find the adoption late; the process sends the budget back to the förslag.
/// </summary>
public sealed class BudgetantagandeTillampning(IDomanData data) : IFormulartillampning
{
    public string FormKey => "budgetantagande";

    public async Task<IReadOnlyList<Valideringsfel>> TillampaAsync(Ifylltformular f, CancellationToken ct)
    {
        var datum = Lasning.Datum(f.Varden.GetValueOrDefault("antagenDatum"));
        if (datum is null) return [new("antagenDatum", "Datum för antagandet måste anges.")];
        var budget = await Lasning.BudgetAsync(data, f.Processvariabler, ct);
        if (budget is null) return [new("antagenDatum", "Det finns inget budgetförslag att anta.")];
        if (Budgetar.Orimligt(budget.Ar, datum.Value, "antagenDatum", "Antagandet") is { } orimligt) return [orimligt];
        budget.AntagenDatum = datum;
        return [];
    }
}
