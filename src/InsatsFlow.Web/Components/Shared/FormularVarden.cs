using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using InsatsFlow.Core.Formular;

namespace InsatsFlow.Web.Components.Shared;

/// <summary>
/// What a person has typed into a form, kept as text while they type and turned into JSON for the server
/// to validate. Numbers that do not parse are sent as text so the server names the field.
/// </summary>
public sealed class FormularVarden
{
    public Dictionary<string, string?> Text { get; } = [];
    public Dictionary<string, HashSet<string>> Val { get; } = [];
    public Dictionary<string, List<FormularVarden>> Rader { get; } = [];

    public string? this[string namn]
    {
        get => Text.GetValueOrDefault(namn);
        set => Text[namn] = value;
    }

    public List<FormularVarden> RaderFor(string namn) => Rader.TryGetValue(namn, out var rader) ? rader : Rader[namn] = [];

    public HashSet<string> ValFor(string namn) => Val.TryGetValue(namn, out var val) ? val : Val[namn] = [];

    public JsonElement TillJson(IReadOnlyList<Formularfalt> falt) => JsonSerializer.SerializeToElement(TillObjekt(falt));

    private JsonObject TillObjekt(IReadOnlyList<Formularfalt> falt)
    {
        var objekt = new JsonObject();
        foreach (var f in falt)
        {
            JsonNode? node = f.Typ switch
            {
                Falttyper.Tabell => new JsonArray([.. RaderFor(f.Namn).Select(r => (JsonNode?)r.TillObjekt(f.Kolumner ?? []))]),
                Falttyper.Flerval => new JsonArray([.. ValFor(f.Namn).Select(v => (JsonNode?)JsonValue.Create(v))]),
                Falttyper.JaNej => this[f.Namn] switch { "ja" => JsonValue.Create(true), "nej" => JsonValue.Create(false), _ => null },
                Falttyper.Heltal or Falttyper.Belopp => Tal(this[f.Namn]),
                _ => string.IsNullOrWhiteSpace(this[f.Namn]) ? null : JsonValue.Create(this[f.Namn]),
            };
            if (node is not null) objekt[f.Namn] = node;
        }
        return objekt;
    }

    private static JsonNode? Tal(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var rensad = text.Replace(" ", "").Replace("\u00a0", "").Replace("kr", "");
        return decimal.TryParse(rensad, NumberStyles.Number, CultureInfo.GetCultureInfo("sv-SE"), out var tal)
            ? JsonValue.Create(tal)
            : JsonValue.Create(text);
    }
}
