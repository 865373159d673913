using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using InsatsFlow.Core.Domain;

namespace InsatsFlow.Core.Formular;

/// <summary>
/// Turns submitted JSON into typed process variables, or says field by field what is wrong (in Swedish,
/// with the field's path such as "budgetrader[1].belopp"). Unknown fields are refused, not ignored.
/// </summary>
public static class Formularvalidering
{
    public sealed record Resultat(IReadOnlyDictionary<string, object?> Variabler, IReadOnlyList<Valideringsfel> Fel)
    {
        public bool Giltigt => Fel.Count == 0;
    }

    public static Resultat Validera(Formulardefinition formular, JsonElement data)
    {
        var fel = new List<Valideringsfel>();
        var variabler = new Dictionary<string, object?>();
        if (data.ValueKind != JsonValueKind.Object)
            return new(variabler, [new("$", "Formulärets data ska vara ett JSON-objekt.")]);
        var kanda = formular.Falt.Select(f => f.Namn).ToHashSet();
        foreach (var okand in data.EnumerateObject().Where(p => !kanda.Contains(p.Name)))
            fel.Add(new(okand.Name, $"Fältet \"{okand.Name}\" finns inte i formuläret {formular.FormKey}."));
        foreach (var falt in formular.Falt)
        {
            var finns = data.TryGetProperty(falt.Namn, out var varde) && varde.ValueKind != JsonValueKind.Null;
            var felFore = fel.Count;
            variabler[falt.Namn] = finns ? Konvertera(falt, varde, falt.Namn, fel) : null;
            if (falt.Obligatoriskt && fel.Count == felFore && (!finns || ArTom(variabler[falt.Namn])))
                fel.Add(new(falt.Namn, $"{falt.Etikett} måste fyllas i."));
        }
        return new(variabler, fel);
    }

    private static bool ArTom(object? varde) => varde switch
    {
        null => true,
        string s => string.IsNullOrWhiteSpace(s),
        List<object?> l => l.Count == 0,
        _ => false,
    };

    private static object? Konvertera(Formularfalt falt, JsonElement varde, string sokvag, List<Valideringsfel> fel)
    {
        switch (falt.Typ)
        {
            case Falttyper.Text or Falttyper.Flerradstext:
                if (varde.ValueKind != JsonValueKind.String) return Fel("ska vara text");
                var text = varde.GetString()!.Trim();
                if (falt.Max is { } maxLangd && text.Length > maxLangd) return Fel($"får vara högst {maxLangd} tecken");
                if (falt.MinLangd is { } minLangd && text.Length > 0 && text.Length < minLangd) return Fel($"ska vara minst {minLangd} tecken");
                if (falt.Monster is { } monster && text.Length > 0 && !MatcharHela(monster, text)) return Fel($"har inte rätt form ({monster})");
                return text;
            case Falttyper.Heltal:
                if (!TryTal(varde, out var heltal) || heltal != decimal.Truncate(heltal)) return Fel("ska vara ett heltal");
                return InomGranser(heltal) ? (long)heltal : null;
            case Falttyper.Belopp:
                if (!TryTal(varde, out var belopp)) return Fel("ska vara ett belopp i kronor");
                if (belopp < 0 && falt.Min is null) return Fel("kan inte vara negativt");
                return InomGranser(belopp) ? belopp : null;
            case Falttyper.Datum:
                if (varde.ValueKind != JsonValueKind.String
                    || !DateOnly.TryParseExact(varde.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var datum))
                    return Fel("ska vara ett datum (ÅÅÅÅ-MM-DD)");
                return datum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case Falttyper.JaNej:
                if (varde.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return Fel("ska vara ja eller nej");
                return varde.GetBoolean();
            case Falttyper.Val:
                if (varde.ValueKind != JsonValueKind.String || falt.Alternativ?.Any(a => a.Varde == varde.GetString()) != true)
                    return Fel("ska vara ett av " + string.Join(", ", falt.Alternativ?.Select(a => a.Varde) ?? []));
                return varde.GetString();
            case Falttyper.Flerval:
                if (varde.ValueKind != JsonValueKind.Array) return Fel("ska vara en lista");
                var valda = new List<object?>();
                foreach (var v in varde.EnumerateArray())
                {
                    if (v.ValueKind != JsonValueKind.String || falt.Alternativ?.Any(a => a.Varde == v.GetString()) != true)
                        return Fel("innehåller ett okänt val");
                    valda.Add(v.GetString());
                }
                return valda;
            case Falttyper.Tabell:
                if (varde.ValueKind != JsonValueKind.Array) return Fel("ska vara en lista med rader");
                var rader = new List<object?>();
                var i = 0;
                foreach (var rad in varde.EnumerateArray())
                {
                    var radSokvag = $"{sokvag}[{i++}]";
                    if (rad.ValueKind != JsonValueKind.Object) { fel.Add(new(radSokvag, "Raden ska vara ett objekt.")); continue; }
                    var radVarden = new Dictionary<string, object?>();
                    foreach (var kolumn in falt.Kolumner ?? [])
                    {
                        var finns = rad.TryGetProperty(kolumn.Namn, out var cell) && cell.ValueKind != JsonValueKind.Null;
                        var felFore = fel.Count;
                        radVarden[kolumn.Namn] = finns ? Konvertera(kolumn, cell, $"{radSokvag}.{kolumn.Namn}", fel) : null;
                        if (kolumn.Obligatoriskt && fel.Count == felFore && (!finns || ArTom(radVarden[kolumn.Namn])))
                            fel.Add(new($"{radSokvag}.{kolumn.Namn}", $"{kolumn.Etikett} måste fyllas i."));
                    }
                    foreach (var okand in rad.EnumerateObject().Where(p => falt.Kolumner?.Any(k => k.Namn == p.Name) != true))
                        fel.Add(new($"{radSokvag}.{okand.Name}", $"Kolumnen \"{okand.Name}\" finns inte."));
                    rader.Add(radVarden);
                }
                return rader;
            default:
                return Fel($"har en okänd fälttyp {falt.Typ}");
        }

        object? Fel(string text)
        {
            fel.Add(new(sokvag, $"{falt.Etikett} {text}."));
            return null;
        }

        bool InomGranser(decimal tal)
        {
            if (falt.Min is { } min && tal < min) { fel.Add(new(sokvag, $"{falt.Etikett} får inte vara mindre än {min}.")); return false; }
            if (falt.Max is { } max && tal > max) { fel.Add(new(sokvag, $"{falt.Etikett} får inte vara större än {max}.")); return false; }
            return true;
        }
    }

    private static bool MatcharHela(string monster, string text)
    {
        try { return Regex.IsMatch(text, $"^(?:{monster})$", RegexOptions.None, TimeSpan.FromMilliseconds(100)); }
        catch (RegexMatchTimeoutException) { return false; }
    }

    private static bool TryTal(JsonElement varde, out decimal tal)
    {
        tal = 0;
        return varde.ValueKind switch
        {
            JsonValueKind.Number => varde.TryGetDecimal(out tal),
            JsonValueKind.String => decimal.TryParse(varde.GetString()?.Replace(" ", "").Replace('\u00a0'.ToString(), ""), NumberStyles.Number, CultureInfo.GetCultureInfo("sv-SE"), out tal)
                || decimal.TryParse(varde.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out tal),
            _ => false,
        };
    }
}
