using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using InsatsFlow.Rules.Format;
using InsatsFlow.Rules.Input;
using InsatsFlow.Rules.Views;

namespace InsatsFlow.Web.Features.Regelverk;

/// <summary>
/// The try-it form generated from a version's indata: one field per value it reads, a list as one value per line, a
/// list of objects as one row per line with its columns separated by semicolons. Turns the answers into the input
/// JSON (and a real case's input back into answers), so a jurist tries a rule without writing JSON.
/// </summary>
public static class Provningsformular
{
    public const string Prefix = "f:";

    public static IReadOnlyList<Formularfalt> Falt(RuleFile fil, InputViewCatalogue? vyer) =>
        [.. fil.Indata.SelectMany(i => i.Shape is ObjectShape o
            ? o.Fields.Select(f => Ett($"{i.Namn}.{f.Name}", f.Shape, vyer?.Find(i.Namn)?.Field(f.Name)?.Description))
            : [Ett(i.Namn, i.Shape, vyer?.Find(i.Namn)?.Description)])];

    private static Formularfalt Ett(string namn, InputShape shape, string? hjalp) => shape switch
    {
        ScalarShape s => new(namn, s.Kind, s.Optional, hjalp, []),
        ListShape { Item: ScalarShape s } => new(namn, "lista", true, Hjalp(hjalp, $"ett värde ({Typnamn(s.Kind)}) per rad"), [s.Kind]),
        ListShape { Item: ObjectShape o } when o.Fields.All(f => f.Shape is ScalarShape) => new(namn, "tabell", true,
            Hjalp(hjalp, "en rad per post: " + string.Join("; ", o.Fields.Select(f => $"{f.Name} ({Typnamn(((ScalarShape)f.Shape).Kind)})"))),
            [.. o.Fields.Select(f => f.Name)]),
        _ => new(namn, "json", false, Hjalp(hjalp, "som JSON: " + shape.Describe()), []),
    };

    private static string Hjalp(string? beskrivning, string format) => beskrivning is null ? format : $"{beskrivning} Ange {format}.";

    public static string Typnamn(string kind) => kind switch
    {
        "heltal" => "heltal",
        "tal" => "tal",
        "datum" => "datum ÅÅÅÅ-MM-DD",
        "janej" => "ja eller nej",
        _ => "text",
    };

    /// <summary>The input JSON from the answers, or each field's problem in Swedish (nothing half-built).</summary>
    public static (JsonObject? Indata, IReadOnlyList<(string Falt, string Fel)> Fel) TillIndata(RuleFile fil, IReadOnlyDictionary<string, string?> svar)
    {
        var fel = new List<(string, string)>();
        var indata = new JsonObject();
        foreach (var (namn, shape) in fil.Indata)
        {
            if (shape is ObjectShape o)
            {
                var objekt = new JsonObject();
                foreach (var (falt, faltShape) in o.Fields)
                    objekt[falt] = Varde($"{namn}.{falt}", faltShape, svar.GetValueOrDefault($"{namn}.{falt}"), fel);
                indata[namn] = objekt;
            }
            else indata[namn] = Varde(namn, shape, svar.GetValueOrDefault(namn), fel);
        }
        return fel.Count > 0 ? (null, fel) : (indata, fel);
    }

    private static JsonNode? Varde(string namn, InputShape shape, string? text, List<(string, string)> fel)
    {
        text = text?.Trim();
        switch (shape)
        {
            case ScalarShape s:
                return Skalar(namn, s.Kind, s.Optional, text, fel);
            case ListShape { Item: ScalarShape s }:
                return new JsonArray([.. Rader(text).Select((r, i) => Skalar($"{namn} rad {i + 1}", s.Kind, false, r, fel))]);
            case ListShape { Item: ObjectShape o } when o.Fields.All(f => f.Shape is ScalarShape):
                var lista = new JsonArray();
                foreach (var (rad, i) in Rader(text).Select((r, i) => (r, i)))
                {
                    var delar = rad.Split(';').Select(d => d.Trim()).ToArray();
                    if (delar.Length != o.Fields.Count)
                    {
                        fel.Add((namn, $"rad {i + 1} ska ha {o.Fields.Count} värden åtskilda med semikolon ({string.Join("; ", o.Fields.Select(f => f.Name))}), men har {delar.Length}"));
                        continue;
                    }
                    var post = new JsonObject();
                    for (var k = 0; k < delar.Length; k++)
                    {
                        var f = (ScalarShape)o.Fields[k].Shape;
                        post[o.Fields[k].Name] = Skalar($"{namn} rad {i + 1} {o.Fields[k].Name}", f.Kind, f.Optional, delar[k], fel);
                    }
                    lista.Add(post);
                }
                return lista;
            default:
                if (string.IsNullOrEmpty(text)) return null;
                try { return JsonNode.Parse(text); }
                catch (JsonException) { fel.Add((namn, "är inte giltig JSON")); return null; }
        }
    }

    private static IEnumerable<string> Rader(string? text) =>
        (text ?? "").Split('\n').Select(r => r.Trim()).Where(r => r.Length > 0);

    private static JsonNode? Skalar(string namn, string kind, bool frivilligt, string? text, List<(string, string)> fel)
    {
        if (string.IsNullOrEmpty(text))
        {
            if (kind == "text" && !frivilligt) return "";
            if (!frivilligt) fel.Add((namn, $"ange {Typnamn(kind)}"));
            return null;
        }
        switch (kind)
        {
            case "heltal" when int.TryParse(text.Replace(" ", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i):
                return i;
            case "tal" when decimal.TryParse(text.Replace(" ", "").Replace('\u00a0'.ToString(), "").Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var d):
                return d;
            case "datum" when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
                return text;
            case "janej" when text is "ja" or "nej":
                return text == "ja";
            case "text":
                return text;
            default:
                fel.Add((namn, $"\"{text}\" är inte {(kind == "janej" ? "ja eller nej" : kind == "datum" ? "ett datum ÅÅÅÅ-MM-DD" : kind == "heltal" ? "ett heltal" : "ett tal")}"));
                return null;
        }
    }

    /// <summary>A case's input (as a gate builds it) as answers to the form, so a real insats or budget can be tried and edited.</summary>
    public static Dictionary<string, string?> FranIndata(RuleFile fil, JsonElement indata)
    {
        var svar = new Dictionary<string, string?>();
        foreach (var (namn, shape) in fil.Indata)
        {
            if (!indata.TryGetProperty(namn, out var v)) continue;
            if (shape is ObjectShape o && v.ValueKind == JsonValueKind.Object)
            {
                foreach (var (falt, faltShape) in o.Fields)
                    if (v.TryGetProperty(falt, out var fv)) svar[$"{namn}.{falt}"] = Text(faltShape, fv);
            }
            else svar[namn] = Text(shape, v);
        }
        return svar;
    }

    private static string? Text(InputShape shape, JsonElement v) => (shape, v.ValueKind) switch
    {
        (_, JsonValueKind.Null) => null,
        (ScalarShape { Kind: "janej" }, _) => v.ValueKind == JsonValueKind.True ? "ja" : "nej",
        (ScalarShape { Kind: "datum" }, JsonValueKind.String) => v.GetString()![..Math.Min(10, v.GetString()!.Length)],
        (ScalarShape, JsonValueKind.String) => v.GetString(),
        (ScalarShape, _) => v.GetRawText(),
        (ListShape { Item: ScalarShape s }, JsonValueKind.Array) => string.Join("\n", v.EnumerateArray().Select(e => Text(s, e))),
        (ListShape { Item: ObjectShape o }, JsonValueKind.Array) when o.Fields.All(f => f.Shape is ScalarShape) =>
            string.Join("\n", v.EnumerateArray().Select(e => string.Join("; ", o.Fields.Select(f => e.TryGetProperty(f.Name, out var fv) ? Text(f.Shape, fv) : "")))),
        _ => v.GetRawText(),
    };
}

/// <param name="Namn">"vy.fält", also the form input's name after <see cref="Provningsformular.Prefix"/>.</param>
/// <param name="Typ">text, heltal, tal, datum, janej, lista (one value per line), tabell (rows, columns by semicolon) or json.</param>
/// <param name="Kolumner">For a tabell its columns; for a lista its value type.</param>
public sealed record Formularfalt(string Namn, string Typ, bool Frivilligt, string? Hjalp, IReadOnlyList<string> Kolumner);
