using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Livscykel.Tillampning;

/// <summary>
/// Records an insats's ärende at a board meeting from a decision form: the meeting of that date (made if new),
/// närvaro, the § and jäv per ärende, by the ledamöter's names. Sets sammantradeId (and deltagande when the
/// protocol lists who took part) for the jäv and beslutförhet gate.
/// </summary>
public sealed class Sammantradesregistrering(IDomanData data)
{
    public async Task<IReadOnlyList<Valideringsfel>> RegistreraAsync(Insats insats, string rubrik, Ifylltformular f, CancellationToken ct)
    {
        var v = f.Varden;
        var fel = new List<Valideringsfel>();
        var datum = Lasning.Datum(v.GetValueOrDefault("sammantradesdatum")) ?? Lasning.Idag(f.Nu);
        var paragraf = Lasning.Heltal(v.GetValueOrDefault("paragraf"));
        var styrelse = await Styrelser.IMandatAsync(data, insats.ForbundId, datum, ct);
        if (styrelse is null) return [new("sammantradesdatum", $"Ingen styrelse har mandat {datum:yyyy-MM-dd}.")];

        Guid? Ledamot(string falt, string? namn)
        {
            var l = styrelse.Ledamoter.FirstOrDefault(x => string.Equals(x.Namn, namn, StringComparison.OrdinalIgnoreCase));
            if (l is null) fel.Add(new(falt, $"\"{namn}\" sitter inte i styrelsen; ledamöter och ersättare är {string.Join(", ", styrelse.Ledamoter.Select(x => x.Namn))}."));
            return l?.Id;
        }

        var narvarande = new HashSet<Guid>();
        var tjanstgor = new Dictionary<Guid, Guid>();
        foreach (var (rad, i) in Lasning.Rader(v.GetValueOrDefault("narvarande")).Select((r, i) => (r, i)))
        {
            if (Ledamot($"narvarande[{i}].namn", Lasning.Text(rad, "namn")) is not { } id) continue;
            narvarande.Add(id);
            if (Lasning.Text(rad, "tjanstgorFor") is not { } forNamn) continue;
            if (Ledamot($"narvarande[{i}].tjanstgorFor", forNamn) is not { } forId) continue;
            if (TjanstgorFel(styrelse, id, forId) is { } problem) fel.Add(new($"narvarande[{i}].tjanstgorFor", problem));
            else tjanstgor[id] = forId;
        }
        foreach (var (ersattare, ledamot) in tjanstgor)
            if (narvarande.Contains(ledamot))
                fel.Add(new("narvarande", $"{Namn(styrelse, ersattare)} kan inte tjänstgöra för {Namn(styrelse, ledamot)}, som själv är närvarande (FINSAM 15 §)."));
        foreach (var dubbel in tjanstgor.GroupBy(t => t.Value).Where(g => g.Count() > 1))
            fel.Add(new("narvarande", $"Bara en ersättare kan tjänstgöra för {Namn(styrelse, dubbel.Key)}."));
        var jav = Lasning.Rader(v.GetValueOrDefault("jav")).Select((r, i) => (Id: Ledamot($"jav[{i}].namn", Lasning.Text(r, "namn")), Grund: Lasning.Text(r, "grund") ?? "")).ToList();
        var deltagande = Lasning.Rader(v.GetValueOrDefault("deltagande")).Select((r, i) => (Namn: Lasning.Text(r, "namn"), Id: Ledamot($"deltagande[{i}].namn", Lasning.Text(r, "namn")))).ToList();

        var sammantrade = data.Sammantraden.Local.FirstOrDefault(s => s.ForbundId == insats.ForbundId && s.Datum == datum)
            ?? await data.Sammantraden.FirstOrDefaultAsync(s => s.ForbundId == insats.ForbundId && s.Datum == datum, ct);
        if (paragraf is { } p && sammantrade?.Arenden.Any(a => a.Paragraf == p && a.InsatsId != insats.Id) == true)
            fel.Add(new("paragraf", $"§ {p} används redan för ett annat ärende vid sammanträdet {datum:yyyy-MM-dd}."));
        if (fel.Count > 0) return fel;

        if (sammantrade is null)
        {
            sammantrade = new Sammantrade { ForbundId = insats.ForbundId, Datum = datum };
            data.Sammantraden.Add(sammantrade);
        }
        foreach (var ledamot in styrelse.Ledamoter)
        {
            var rad = sammantrade.Narvaro.FirstOrDefault(n => n.LedamotId == ledamot.Id);
            if (rad is null) sammantrade.Narvaro.Add(rad = new Narvaro { LedamotId = ledamot.Id });
            rad.Narvarande = narvarande.Contains(ledamot.Id);
            rad.TjanstgorForLedamotId = tjanstgor.TryGetValue(ledamot.Id, out var forLedamot) ? forLedamot : null;
        }
        var arende = sammantrade.Arenden.FirstOrDefault(a => a.InsatsId == insats.Id && a.Rubrik == rubrik);
        if (arende is null)
        {
            arende = new Arende { Rubrik = rubrik, InsatsId = insats.Id };
            sammantrade.Arenden.Add(arende);
            Sparning.NyAgd(data, arende);
        }
        arende.Paragraf = paragraf;
        arende.Jav.RemoveAll(j => jav.All(x => x.Id != j.LedamotId));
        foreach (var (id, grund) in jav)
        {
            var anmalan = arende.Jav.FirstOrDefault(j => j.LedamotId == id);
            if (anmalan is null) arende.Jav.Add(new JavAnmalan { LedamotId = id!.Value, Grund = grund });
            else anmalan.Grund = grund;
        }
        v["sammantradeId"] = sammantrade.Id.ToString();
        v["sammantradesdatum"] = datum.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        v["deltagande"] = deltagande.Count == 0 ? null : deltagande.Select(d => (object?)d.Namn).ToList();
        return [];
    }

    /// <summary>FINSAM 15 §: an ersättare serves only for a ledamot of the same member.</summary>
    private static string? TjanstgorFel(Styrelse styrelse, Guid ersattareId, Guid ledamotId)
    {
        var ersattare = styrelse.Ledamoter.Single(l => l.Id == ersattareId);
        var ledamot = styrelse.Ledamoter.Single(l => l.Id == ledamotId);
        if (ersattare.Roll != Styrelseroll.Ersattare) return $"{ersattare.Namn} är ledamot, inte ersättare, och tjänstgör på sin egen plats.";
        if (ledamot.Roll != Styrelseroll.Ledamot) return $"{ledamot.Namn} är ersättare; en ersättare tjänstgör bara för en ledamot.";
        if (ledamot.MedlemId != ersattare.MedlemId) return $"{ersattare.Namn} kan bara tjänstgöra för en ledamot från samma medlem (FINSAM 15 §), inte för {ledamot.Namn}.";
        return null;
    }

    private static string Namn(Styrelse styrelse, Guid id) => styrelse.Ledamoter.Single(l => l.Id == id).Namn;
}
