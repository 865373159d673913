using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;

namespace InsatsFlow.Core.Livscykel.Tillampning;

/// <summary>slutrapport: the insats's Slutrapport, handed in by the signed-in user.</summary>
public sealed class SlutrapportTillampning(IDomanData data) : IFormulartillampning
{
    public string FormKey => "slutrapport";

    public async Task<IReadOnlyList<Valideringsfel>> TillampaAsync(Ifylltformular f, CancellationToken ct)
    {
        var v = f.Varden;
        if (Lasning.Datum(v.GetValueOrDefault("slutrapportDatum")) is not { } datum) return [new("slutrapportDatum", "Datum för slutrapporten måste anges.")];
        var insats = await Lasning.InsatsAsync(data, f.Processvariabler, ct);
        insats.Slutrapport = new Slutrapport
        {
            Datum = datum,
            Resultat = Lasning.Text(v.GetValueOrDefault("resultat")) ?? "",
            AntalDeltagareTotalt = Lasning.Heltal(v.GetValueOrDefault("antalDeltagareTotalt")),
            Lardomar = Lasning.Text(v.GetValueOrDefault("lardomar")),
            LamnadAv = f.Anvandare,
            InlamnadUtc = f.Nu.ToUniversalTime(),
        };
        return [];
    }
}
