using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Scriban.Runtime;

namespace InsatsFlow.Core.Dokument;

/// <summary>
/// A document model as the template sees it. The model is serialised to JSON (snake_case, dates as
/// yyyy-MM-dd) — that JSON is the snapshot stored with the document — and the template gets a tree of
/// ScriptObject/ScriptArray/primitives built from that JSON, never a .NET object. Rendering is therefore a
/// function of (template, snapshot) alone and can be repeated from the stored row years later.
/// Text values arrive HTML-escaped, so a template prints them as they are.
/// </summary>
public static class Dokumentmodell
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    public static string TillJson(object modell) => JsonSerializer.Serialize(modell, modell.GetType(), Json);

    public static ScriptObject TillScript(string json)
    {
        var rot = JsonNode.Parse(json) as JsonObject
            ?? throw new ArgumentException("Dokumentmodellen måste vara ett JSON-objekt.", nameof(json));
        return Objekt(rot);
    }

    private static ScriptObject Objekt(JsonObject objekt)
    {
        var script = new ScriptObject();
        foreach (var (namn, varde) in objekt)
            script.SetValue(namn, Varde(varde), readOnly: true);
        return script;
    }

    private static object? Varde(JsonNode? nod) => nod switch
    {
        null => null,
        JsonObject objekt => Objekt(objekt),
        JsonArray lista => new ScriptArray(lista.Select(Varde)),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => HtmlKoda(v.GetValue<string>()),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => Tal(v),
            _ => null,
        },
        _ => null,
    };

    /// <summary>Escapes the five HTML-significant characters and nothing else, so å, ä, ö stay readable.</summary>
    public static string HtmlKoda(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var html = new StringBuilder(text.Length + 16);
        foreach (var tecken in text)
            html.Append(tecken switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => tecken.ToString(),
            });
        return html.ToString();
    }

    private static object Tal(JsonValue v)
    {
        if (v.TryGetValue<int>(out var heltal)) return heltal;
        if (v.TryGetValue<long>(out var langt)) return langt;
        return v.GetValue<decimal>();
    }
}
