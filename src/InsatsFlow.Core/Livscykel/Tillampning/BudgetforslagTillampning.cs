using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Livscykel.Tillampning;

/// <summary>budgetforslag: the proposal's income per medlem and costs per area, written into the year's Arsbudget.</summary>
public sealed class BudgetforslagTillampning(IDomanData data) : IFormulartillampning
{
    public string FormKey => "budgetforslag";

    public async Task<IReadOnlyList<Valideringsfel>> TillampaAsync(Ifylltformular f, CancellationToken ct)
    {
        var budget = await Budgetar.HamtaEllerSkapaAsync(data, f.Processvariabler, ct);
        var medlemmar = await data.Medlemmar.Where(m => m.ForbundId == budget.ForbundId).ToListAsync(ct);
        var fel = new List<Valideringsfel>();
        var intakter = new Dictionary<Guid, decimal>();
        var i = 0;
        foreach (var rad in Lasning.Rader(f.Varden.GetValueOrDefault("intakter")))
        {
            var namn = Lasning.Text(rad, "medlem");
            var medlem = medlemmar.FirstOrDefault(m => string.Equals(m.Namn, namn, StringComparison.OrdinalIgnoreCase));
            if (medlem is null) fel.Add(new($"intakter[{i}].medlem", $"\"{namn}\" är ingen medlem i förbundet."));
            else intakter[medlem.Id] = intakter.GetValueOrDefault(medlem.Id) + (Lasning.Belopp(rad.GetValueOrDefault("belopp")) ?? 0);
            i++;
        }
        var kostnader = new Dictionary<Kostnadsomrade, decimal>();
        i = 0;
        foreach (var rad in Lasning.Rader(f.Varden.GetValueOrDefault("kostnader")))
        {
            if (!Enum.TryParse<Kostnadsomrade>(Lasning.Text(rad, "omrade"), out var omrade))
                fel.Add(new($"kostnader[{i}].omrade", $"\"{Lasning.Text(rad, "omrade")}\" är inget kostnadsområde."));
            else kostnader[omrade] = kostnader.GetValueOrDefault(omrade) + (Lasning.Belopp(rad.GetValueOrDefault("belopp")) ?? 0);
            i++;
        }
        if (fel.Count > 0) return fel;

        // In place, so an owned row keeps its key (medlem, område) instead of being deleted and re-added.
        budget.Intakter.RemoveAll(x => !intakter.ContainsKey(x.MedlemId));
        foreach (var (medlemId, belopp) in intakter)
        {
            var rad = budget.Intakter.FirstOrDefault(x => x.MedlemId == medlemId);
            if (rad is null) budget.Intakter.Add(new MedlemsIntakt { MedlemId = medlemId, Belopp = belopp });
            else rad.Belopp = belopp;
        }
        budget.Kostnader.RemoveAll(x => !kostnader.ContainsKey(x.Omrade));
        foreach (var (omrade, belopp) in kostnader)
        {
            var rad = budget.Kostnader.FirstOrDefault(x => x.Omrade == omrade);
            if (rad is null) budget.Kostnader.Add(new Kostnadspost { Omrade = omrade, Belopp = belopp });
            else rad.Belopp = belopp;
        }
        if (Lasning.Belopp(f.Varden.GetValueOrDefault("egetKapital")) is { } kapital) budget.EgetKapital = kapital;
        return [];
    }
}
