using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace InsatsFlow.Core.Formular;

/// <summary>
/// Reads a form-js schema (what the form editor saves, forms/*.json) into the form the server validates against
/// (<see cref="Formulardefinition"/>). Only the subset in docs/formular.md is read; anything else in the schema —
/// another component type, a FEEL expression, a condition, a validation the server cannot check — is refused with its
/// JSON path, never ignored: the server must check exactly what the browser shows.
/// </summary>
public static class Formularschema
{
    /// <summary>The component types the server understands, and what each becomes.</summary>
    public static readonly IReadOnlyDictionary<string, string> Komponenter = new Dictionary<string, string>
    {
        ["textfield"] = Falttyper.Text,
        ["textarea"] = Falttyper.Flerradstext,
        ["number"] = Falttyper.Belopp, // decimalDigits 0 makes it a heltal
        ["datetime"] = Falttyper.Datum, // subtype "date" only
        ["checkbox"] = Falttyper.JaNej,
        ["select"] = Falttyper.Val,
        ["radio"] = Falttyper.Val,
        ["checklist"] = Falttyper.Flerval,
        ["dynamiclist"] = Falttyper.Tabell,
    };

    /// <summary>Components that show something and hold no value.</summary>
    public static readonly IReadOnlySet<string> Visning = new HashSet<string> { "text", "spacer", "separator" };

    private static readonly HashSet<string> Gemensamt = ["id", "type", "key", "label", "description", "layout", "validate", "properties"];

    private static readonly Dictionary<string, HashSet<string>> Extra = new()
    {
        ["textfield"] = ["appearance"],
        ["textarea"] = [],
        ["number"] = ["decimalDigits", "appearance", "increment", "serializeToString"],
        ["datetime"] = ["subtype", "dateLabel"],
        ["checkbox"] = [],
        ["select"] = ["values", "valuesKey", "searchable"],
        ["radio"] = ["values", "valuesKey"],
        ["checklist"] = ["values", "valuesKey"],
        ["dynamiclist"] = ["path", "components", "isRepeating", "allowAddRemove", "defaultRepetitions", "nonCollapsedItems", "showOutline"],
    };

    private static readonly Dictionary<string, HashSet<string>> Validering = new()
    {
        ["textfield"] = ["required", "minLength", "maxLength", "pattern"],
        ["textarea"] = ["required", "minLength", "maxLength"],
        ["number"] = ["required", "min", "max"],
        ["datetime"] = ["required"],
        ["checkbox"] = ["required"],
        ["select"] = ["required"],
        ["radio"] = ["required"],
        ["checklist"] = ["required"],
        ["dynamiclist"] = [],
    };

    /// <summary>The custom properties (form-js "properties") the server reads; any other is refused.</summary>
    public const string MinstEnRad = "minstEnRad";
    public const string AlternativRegelverk = "alternativRegelverk";
    public const string AlternativLista = "alternativLista";
    public const string AlternativEtiketter = "alternativEtiketter";

    public static Formulardefinition Las(string json, string kalla)
    {
        JsonNode? rot;
        try
        {
            rot = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            throw new FormularException([$"{kalla}: rad {(e.LineNumber ?? 0) + 1}: {InsatsFlow.Engine.Parsing.JsonMessages.Forklaring(e.Message)}"]);
        }
        var fel = new List<string>();
        var definition = Las(rot, fel);
        if (fel.Count > 0 || definition is null) throw new FormularException([.. fel.Select(f => $"{kalla}: {f}")]);
        return definition;
    }

    private static Formulardefinition? Las(JsonNode? rot, List<string> fel)
    {
        if (rot is not JsonObject schema) { fel.Add("$: ett form-js-schema ska vara ett JSON-objekt."); return null; }
        foreach (var (namn, _) in schema)
            if (namn is not ("id" or "type" or "components" or "schemaVersion" or "exporter" or "$schema" or "versionTag"))
                fel.Add($"$.{namn}: stöds inte av servern (se docs/formular.md).");
        if (Text(schema["type"]) is not "default") fel.Add("$.type: ska vara \"default\".");
        var formKey = Text(schema["id"]);
        if (string.IsNullOrWhiteSpace(formKey)) fel.Add("$.id: formulärets nyckel (formKey) saknas.");
        if (schema["components"] is not JsonArray komponenter) { fel.Add("$.components saknas."); return null; }

        string? rubrik = null, beskrivning = null;
        var falt = LasKomponenter(komponenter, "$.components", fel, ref rubrik, ref beskrivning);
        return new Formulardefinition(formKey ?? "", rubrik ?? formKey ?? "", beskrivning, falt);
    }

    private static List<Formularfalt> LasKomponenter(JsonArray komponenter, string sokvag, List<string> fel, ref string? rubrik, ref string? beskrivning)
    {
        var falt = new List<Formularfalt>();
        for (var i = 0; i < komponenter.Count; i++)
        {
            var plats = $"{sokvag}[{i}]";
            if (komponenter[i] is not JsonObject k) { fel.Add($"{plats}: ska vara ett objekt."); continue; }
            var typ = Text(k["type"]) ?? "";
            foreach (var (namn, varde) in k)
                if (varde is JsonValue v && v.TryGetValue<string>(out var s) && s.TrimStart().StartsWith('='))
                    fel.Add($"{plats}.{namn}: FEEL-uttryck ({s}) kan servern inte pröva; skriv ett fast värde.");
            if (Visning.Contains(typ))
            {
                foreach (var (namn, _) in k)
                    if (namn is not ("id" or "type" or "text" or "layout" or "height"))
                        fel.Add($"{plats}.{namn}: stöds inte på {typ} (se docs/formular.md).");
                // The first heading text of the form is its title: the task page and the error summary name the form by it.
                if (typ == "text" && rubrik is null && Text(k["text"]) is { } md && md.StartsWith('#'))
                {
                    var rader = md.Split('\n', 2);
                    rubrik = rader[0].TrimStart('#').Trim();
                    beskrivning = rader.Length > 1 && !string.IsNullOrWhiteSpace(rader[1]) ? rader[1].Trim() : null;
                }
                continue;
            }
            if (!Komponenter.TryGetValue(typ, out var falttyp))
            {
                fel.Add($"{plats}.type: komponenten \"{typ}\" stöds inte av servern; tillåtna är {string.Join(", ", Komponenter.Keys.Concat(Visning))}.");
                continue;
            }
            foreach (var (namn, _) in k)
                if (!Gemensamt.Contains(namn) && !Extra[typ].Contains(namn))
                    fel.Add($"{plats}.{namn}: stöds inte på {typ} av servern (se docs/formular.md).");

            var nyckel = typ == "dynamiclist" ? Text(k["path"]) : Text(k["key"]);
            if (string.IsNullOrWhiteSpace(nyckel)) { fel.Add($"{plats}: {(typ == "dynamiclist" ? "path" : "key")} saknas."); continue; }
            if (!Regex.IsMatch(nyckel, "^[A-Za-z][A-Za-z0-9_]*$"))
                fel.Add($"{plats}: nyckeln \"{nyckel}\" ska vara ett enkelt namn (bokstäver, siffror, _), utan punkter.");
            var etikett = Text(k["label"]) ?? nyckel;

            var validate = k["validate"] as JsonObject;
            if (k["validate"] is not null && validate is null) fel.Add($"{plats}.validate: ska vara ett objekt.");
            foreach (var (namn, _) in validate ?? [])
                if (!Validering[typ].Contains(namn))
                    fel.Add($"{plats}.validate.{namn}: servern kan inte pröva {namn} på {typ} (se docs/formular.md).");
            var egna = k["properties"] as JsonObject;
            foreach (var (namn, _) in egna ?? [])
                if (namn is not (MinstEnRad or AlternativRegelverk or AlternativLista or AlternativEtiketter))
                    fel.Add($"{plats}.properties.{namn}: okänd egenskap för servern.");

            var obligatoriskt = Bool(validate?["required"]) || (typ == "dynamiclist" && Text(egna?[MinstEnRad]) == "true");
            decimal? min = Tal(validate?["min"]), max = Tal(validate?["max"]);
            int? minLangd = (int?)Tal(validate?["minLength"]), maxLangd = (int?)Tal(validate?["maxLength"]);
            if (maxLangd is not null) max = maxLangd;
            var monster = Text(validate?["pattern"]);
            if (monster is not null)
            {
                try { _ = new Regex(monster, RegexOptions.None, TimeSpan.FromMilliseconds(100)); }
                catch (ArgumentException) { fel.Add($"{plats}.validate.pattern: \"{monster}\" är inget giltigt reguljärt uttryck."); monster = null; }
            }

            if (typ == "number" && Tal(k["decimalDigits"]) == 0) falttyp = Falttyper.Heltal;
            if (typ == "datetime" && Text(k["subtype"]) != "date")
                fel.Add($"{plats}.subtype: servern tar bara datum (subtype \"date\"), inte tid.");

            IReadOnlyList<Formularalternativ>? alternativ = null;
            Alternativkalla? kalla = null;
            if (falttyp is Falttyper.Val or Falttyper.Flerval)
            {
                if (k["values"] is JsonArray values)
                {
                    alternativ = [.. values.OfType<JsonObject>().Select(v => new Formularalternativ(Text(v["value"]) ?? "", Text(v["label"]) ?? Text(v["value"]) ?? ""))];
                    if (alternativ.Any(a => a.Varde == "")) fel.Add($"{plats}.values: varje alternativ behöver ett värde (value) som text.");
                }
                else if (Text(egna?[AlternativRegelverk]) is { } regelverk && Text(egna?[AlternativLista]) is { } lista)
                {
                    kalla = new Alternativkalla(regelverk, lista, Text(egna?[AlternativEtiketter]));
                    if (Text(k["valuesKey"]) != nyckel + "Alternativ")
                        fel.Add($"{plats}.valuesKey: ska vara \"{nyckel}Alternativ\" (servern fyller i regelverkets lista där).");
                }
                else fel.Add($"{plats}: ett valfält behöver values, eller properties {AlternativRegelverk} och {AlternativLista}.");
            }

            IReadOnlyList<Formularfalt>? kolumner = null;
            if (typ == "dynamiclist")
            {
                if (k["components"] is JsonArray barn)
                {
                    string? r = "", b = null; // a heading inside a list is no title
                    kolumner = LasKomponenter(barn, plats + ".components", fel, ref r, ref b);
                    if (kolumner.Any(c => c.Typ == Falttyper.Tabell)) fel.Add($"{plats}.components: en lista i en lista stöds inte.");
                }
                else fel.Add($"{plats}.components saknas.");
            }

            falt.Add(new Formularfalt(nyckel, etikett, falttyp, obligatoriskt, Text(k["description"]), min, max, alternativ, kolumner, kalla)
            {
                MinLangd = minLangd,
                Monster = monster,
            });
        }
        foreach (var dubbel in falt.GroupBy(f => f.Namn).Where(g => g.Count() > 1))
            fel.Add($"{sokvag}: nyckeln \"{dubbel.Key}\" finns flera gånger.");
        return falt;
    }

    private static string? Text(JsonNode? n) => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static bool Bool(JsonNode? n) => n is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private static decimal? Tal(JsonNode? n) => n is JsonValue v && v.TryGetValue<decimal>(out var d) ? d
        : n is JsonValue s && s.TryGetValue<string>(out var t) && decimal.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : null;
}
