using InsatsFlow.Core.Domain;

namespace InsatsFlow.Core.Livscykel.Tillampning;

/// <summary>
/// yttrande: the yttrande of the task's medlem, appended to the process variable "yttranden" (the domain has no
/// table for them; the tjänsteskrivelse lists them). Parallel yttranden are serialised by the instance's version.
/// </summary>
public sealed class YttrandeTillampning : IFormulartillampning
{
    public string FormKey => "yttrande";

    public Task<IReadOnlyList<Valideringsfel>> TillampaAsync(Ifylltformular f, CancellationToken ct)
    {
        var medlem = Lasning.Text(f.Processvariabler.GetValueOrDefault("medlem")) ?? "";
        var tidigare = Lasning.Rader(f.Processvariabler.GetValueOrDefault("yttranden")).Where(y => Lasning.Text(y, "medlem") != medlem);
        var nytt = new Dictionary<string, object?>
        {
            ["medlem"] = medlem,
            ["lamnatAv"] = Lasning.Text(f.Varden.GetValueOrDefault("lamnatAv")) ?? f.Anvandare,
            ["datum"] = Lasning.Idag(f.Nu).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["sammanfattning"] = Lasning.Text(f.Varden.GetValueOrDefault("sammanfattning")),
            ["tillstyrker"] = f.Varden.GetValueOrDefault("tillstyrker") is true,
        };
        f.Varden["yttranden"] = tidigare.Select(y => (object?)y).Append(nytt).ToList();
        return Task.FromResult<IReadOnlyList<Valideringsfel>>([]);
    }
}
