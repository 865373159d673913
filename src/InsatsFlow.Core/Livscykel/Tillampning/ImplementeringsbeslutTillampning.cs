using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;

namespace InsatsFlow.Core.Livscykel.Tillampning;

/// <summary>
/// implementeringsbeslut: the meeting (närvaro, jäv, §) and the alternative the styrelse chose. Details given in the
/// form replace the proposal's; without details the proposal's stand (the styrelse decided as proposed).
/// </summary>
public sealed class ImplementeringsbeslutTillampning(IDomanData data, Sammantradesregistrering sammantrade) : IFormulartillampning
{
    private static readonly string[] Detaljer = ["mottagandeOrganisation", "spridning", "delar", "fortsattFinansiering"];

    public string FormKey => "implementeringsbeslut";

    public async Task<IReadOnlyList<Valideringsfel>> TillampaAsync(Ifylltformular f, CancellationToken ct)
    {
        if (!Implementeringsuppgifter.TryAlternativ(f.Varden.GetValueOrDefault("implementeringsalternativ"), out var alternativ))
            return [new("implementeringsalternativ", "Välj ett av alternativen Fullstandig, Delad, Professionell och Strukturell.")];
        var insats = await Lasning.InsatsAsync(data, f.Processvariabler, ct);
        var angivna = Detaljer.Any(d => Angiven(f.Varden.GetValueOrDefault(d)));
        Implementeringsbeslut ib;
        if (angivna || insats.Implementeringsbeslut is null)
        {
            ib = Implementeringsuppgifter.Skapa(alternativ, f.Varden);
            var fel = Implementeringsuppgifter.Granska(ib).ToList();
            if (fel.Count > 0) return fel;
        }
        else ib = insats.Implementeringsbeslut;
        var problem = await sammantrade.RegistreraAsync(insats, $"Implementeringsbeslut: {insats.Titel}", f, ct);
        if (problem.Count > 0) return problem;
        if (!ReferenceEquals(ib, insats.Implementeringsbeslut)) insats.Implementeringsbeslut = ib;
        ib.Alternativ = alternativ;
        return [];
    }

    private static bool Angiven(object? varde) => varde switch
    {
        null => false,
        string s => s.Length > 0,
        ICollection<object?> lista => lista.Count > 0,
        _ => true,
    };
}
