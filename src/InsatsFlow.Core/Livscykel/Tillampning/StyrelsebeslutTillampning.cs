using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Sus;

namespace InsatsFlow.Core.Livscykel.Tillampning;

/// <summary>
/// styrelsebeslut: the meeting (närvaro, jäv, §) with the insats as an ärende; the decision itself is recorded by the
/// beslut handler after the gate. A bifall needs what SUS needs (regelverk sus-uppgifter) where the host has the SUS
/// files (AddInsatsFlowSus), so the insatsansvarig can register the insats in SUS once it is beslutad.
/// </summary>
public sealed class StyrelsebeslutTillampning(IDomanData data, Sammantradesregistrering sammantrade, IEnumerable<SusProvning> sus) : IFormulartillampning
{
    public string FormKey => "styrelsebeslut";

    public async Task<IReadOnlyList<Valideringsfel>> TillampaAsync(Ifylltformular f, CancellationToken ct)
    {
        var insats = await Lasning.InsatsAsync(data, f.Processvariabler, ct);
        if (f.Varden.GetValueOrDefault("styrelsebeslut") is not "bifall" && Lasning.Belopp(f.Varden.GetValueOrDefault("beviljatBelopp")) is > 0)
            return [new("beviljatBelopp", "Belopp beviljas bara vid bifall.")];
        if (f.Varden.GetValueOrDefault("styrelsebeslut") is "bifall" && sus.FirstOrDefault() is { } provning)
        {
            var resultat = await provning.ProvaAsync(insats, Lasning.Idag(f.Nu), ct);
            if (!resultat.Uppgifter.Uppfylld)
                return [new("styrelsebeslut", $"Insatsen saknar det som SUS behöver innan den kan beviljas: {string.Join(" ", resultat.Uppgifter.Fel)}")];
        }
        return await sammantrade.RegistreraAsync(insats, $"Ansökan: {insats.Titel}", f, ct);
    }
}
