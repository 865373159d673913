using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;

namespace InsatsFlow.Core.Livscykel.Tillampning;

/// <summary>implementeringsforslag: the beredningsgrupp's proposed alternative and its details, held on the insats until the styrelse decides.</summary>
public sealed class ImplementeringsforslagTillampning(IDomanData data) : IFormulartillampning
{
    public string FormKey => "implementeringsforslag";

    public async Task<IReadOnlyList<Valideringsfel>> TillampaAsync(Ifylltformular f, CancellationToken ct)
    {
        if (!Implementeringsuppgifter.TryAlternativ(f.Varden.GetValueOrDefault("foreslagetAlternativ"), out var alternativ))
            return [new("foreslagetAlternativ", "Välj ett av alternativen Fullstandig, Delad, Professionell och Strukturell.")];
        var ib = Implementeringsuppgifter.Skapa(alternativ, f.Varden);
        var fel = Implementeringsuppgifter.Granska(ib).ToList();
        if (fel.Count > 0) return fel;
        var insats = await Lasning.InsatsAsync(data, f.Processvariabler, ct);
        insats.Implementeringsbeslut = ib;
        return [];
    }
}
