using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;

namespace InsatsFlow.Core.Livscykel.Tillampning;

/// <summary>idefas: sections 1–4 of the insats.</summary>
public sealed class IdefasTillampning(IDomanData data) : IFormulartillampning
{
    public string FormKey => "idefas";

    public async Task<IReadOnlyList<Valideringsfel>> TillampaAsync(Ifylltformular f, CancellationToken ct)
    {
        var insats = await Lasning.InsatsAsync(data, f.Processvariabler, ct);
        var v = f.Varden;
        if (Lasning.Text(v.GetValueOrDefault("titel")) is { Length: > 0 } titel) insats.Titel = titel;
        insats.Avsnitt.Utgangspunkter = Lasning.Text(v.GetValueOrDefault("utgangspunkter"));
        insats.Avsnitt.Mal = Lasning.Text(v.GetValueOrDefault("mal"));
        insats.Avsnitt.Behovsgrupp = Lasning.Text(v.GetValueOrDefault("behovsgrupp"));
        insats.Avsnitt.Aktiviteter = Lasning.Text(v.GetValueOrDefault("aktiviteter"));
        return [];
    }
}
