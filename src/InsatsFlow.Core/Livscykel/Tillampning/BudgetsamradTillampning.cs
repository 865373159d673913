using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Regelprovning;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Livscykel.Tillampning;

/// <summary>budgetsamrad: the samråd with the task's medlem and its date (FINSAM 23 §).</summary>
public sealed class BudgetsamradTillampning(IDomanData data) : IFormulartillampning
{
    public string FormKey => "budgetsamrad";

    public async Task<IReadOnlyList<Valideringsfel>> TillampaAsync(Ifylltformular f, CancellationToken ct)
    {
        var datum = Lasning.Datum(f.Varden.GetValueOrDefault("samradsdatum"));
        if (datum is null) return [new("samradsdatum", "Datum för samrådet måste anges.")];
        if (Processvariabler.Heltal(f.Processvariabler, Processvariabler.Budgetar) is { } ar
            && Budgetar.Orimligt(ar, datum.Value, "samradsdatum", "Samrådet") is { } orimligt) return [orimligt];
        var budget = await Budgetar.HamtaEllerSkapaAsync(data, f.Processvariabler, ct);
        // the element variable "medlem" holds the medlem's id (budgetunderlag); a name from older instances still works
        var namn = Lasning.Text(f.Processvariabler.GetValueOrDefault("medlem"));
        var medlem = Guid.TryParse(namn, out var id)
            ? await data.Medlemmar.FirstOrDefaultAsync(m => m.ForbundId == budget.ForbundId && m.Id == id, ct)
            : await data.Medlemmar.FirstOrDefaultAsync(m => m.ForbundId == budget.ForbundId && m.Namn == namn, ct);
        if (medlem is null) return [new("medlem", $"\"{namn}\" är ingen medlem i förbundet.")];
        var samrad = budget.Samrad.FirstOrDefault(s => s.MedlemId == medlem.Id);
        if (samrad is null) budget.Samrad.Add(new Samrad { MedlemId = medlem.Id, Datum = datum.Value });
        else samrad.Datum = datum.Value;
        return [];
    }
}
