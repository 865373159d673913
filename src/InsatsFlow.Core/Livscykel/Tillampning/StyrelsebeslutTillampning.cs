using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;

namespace InsatsFlow.Core.Livscykel.Tillampning;

/// <summary>styrelsebeslut: the meeting (närvaro, jäv, §) with the insats as an ärende; the decision itself is recorded by the beslut handler after the gate.</summary>
public sealed class StyrelsebeslutTillampning(IDomanData data, Sammantradesregistrering sammantrade) : IFormulartillampning
{
    public string FormKey => "styrelsebeslut";

    public async Task<IReadOnlyList<Valideringsfel>> TillampaAsync(Ifylltformular f, CancellationToken ct)
    {
        var insats = await Lasning.InsatsAsync(data, f.Processvariabler, ct);
        if (f.Varden.GetValueOrDefault("styrelsebeslut") is not "bifall" && Lasning.Belopp(f.Varden.GetValueOrDefault("beviljatBelopp")) is > 0)
            return [new("beviljatBelopp", "Belopp beviljas bara vid bifall.")];
        return await sammantrade.RegistreraAsync(insats, $"Ansökan: {insats.Titel}", f, ct);
    }
}
