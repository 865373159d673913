using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Livscykel.Tillampning;

/// <summary>
/// yttrande: the yttrande of the task's medlem (the element variable "medlem", its id), stored on the insats as a
/// <see cref="Medlemsyttrande"/> with the signed-in user who gave it (and the kansli's reason when it acted for the
/// medlem). The process variable "yttranden" keeps the round's yttranden for the gateways and older templates.
/// </summary>
public sealed class YttrandeTillampning(IDomanData data) : IFormulartillampning
{
    public string FormKey => "yttrande";

    public async Task<IReadOnlyList<Valideringsfel>> TillampaAsync(Ifylltformular f, CancellationToken ct)
    {
        var insats = await Lasning.InsatsAsync(data, f.Processvariabler, ct);
        var varde = Lasning.Text(f.Processvariabler.GetValueOrDefault("medlem")) ?? "";
        var medlem = Guid.TryParse(varde, out var id)
            ? await data.Medlemmar.FirstOrDefaultAsync(m => m.Id == id && m.ForbundId == insats.ForbundId, ct)
            : await data.Medlemmar.FirstOrDefaultAsync(m => m.Namn == varde && m.ForbundId == insats.ForbundId, ct);
        if (medlem is null) return [new("medlem", $"\"{varde}\" är ingen medlem i förbundet.")];

        var yttrande = new Medlemsyttrande
        {
            MedlemId = medlem.Id,
            LamnatAv = f.Anvandare,
            Ombudsskal = f.Ombudsskal,
            Datum = Lasning.Idag(f.Nu),
            LamnatUtc = f.Nu.ToUniversalTime(),
            Sammanfattning = Lasning.Text(f.Varden.GetValueOrDefault("sammanfattning")) ?? "",
            Tillstyrker = f.Varden.GetValueOrDefault("tillstyrker") is true,
        };
        insats.Yttranden.Add(yttrande);
        Sparning.NyAgd(data, yttrande);

        var tidigare = Lasning.Rader(f.Processvariabler.GetValueOrDefault("yttranden")).Where(y => Lasning.Text(y, "medlem") != medlem.Namn);
        var nytt = new Dictionary<string, object?>
        {
            ["medlem"] = medlem.Namn,
            ["medlemId"] = medlem.Id.ToString(),
            ["lamnatAv"] = f.Anvandare,
            ["datum"] = yttrande.Datum.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["sammanfattning"] = yttrande.Sammanfattning,
            ["tillstyrker"] = yttrande.Tillstyrker,
        };
        f.Varden["yttranden"] = tidigare.Select(y => (object?)y).Append(nytt).ToList();
        return [];
    }
}
