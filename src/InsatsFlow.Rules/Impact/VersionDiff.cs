using System.Text.Json;
using InsatsFlow.Rules.Evaluation;
using InsatsFlow.Rules.Format;

namespace InsatsFlow.Rules.Impact;

/// <summary>Two versions of one regelverk side by side: what a jurist reviews before a new version is merged.</summary>
public static class VersionDiff
{
    public static VersionComparison Compare(RuleFile fran, RuleFile till)
    {
        var regler = new List<RuleChange>();
        foreach (var r in fran.Regler.Where(r => till.Regler.All(t => t.Namn != r.Namn)))
            regler.Add(new RuleChange(r.Namn, "borttagen", Fields(r, null)));
        foreach (var t in till.Regler)
        {
            var r = fran.Regler.FirstOrDefault(f => f.Namn == t.Namn);
            var falt = Fields(r, t);
            if (r is null) regler.Add(new RuleChange(t.Namn, "tillagd", falt));
            else if (falt.Count > 0) regler.Add(new RuleChange(t.Namn, "ändrad", falt));
        }
        return new VersionComparison(fran.Regelverk, fran.Version, till.Version,
            fran.GiltigFran == till.GiltigFran ? null : new FieldChange("giltigFran", fran.GiltigFran.ToString("yyyy-MM-dd"), till.GiltigFran.ToString("yyyy-MM-dd")),
            regler, Compare(Top(fran.ParametrarJson), Top(till.ParametrarJson)),
            Compare(fran.Indata.ToDictionary(i => i.Namn, i => i.Shape.Describe()), till.Indata.ToDictionary(i => i.Namn, i => i.Shape.Describe())),
            Same(fran.Beskrivning, till.Beskrivning) ? null : new FieldChange("beskrivning", fran.Beskrivning, till.Beskrivning),
            Same(string.Join("; ", fran.RattsligGrund), string.Join("; ", till.RattsligGrund)) ? null
                : new FieldChange("rattsligGrund", string.Join("; ", fran.RattsligGrund), string.Join("; ", till.RattsligGrund)));
    }

    private static List<FieldChange> Fields(RuleDefinition? a, RuleDefinition? b)
    {
        (string Namn, Func<RuleDefinition, string?> Value)[] fields =
        [
            ("uttryck", r => r.Uttryck), ("meddelande", r => r.Meddelande), ("allvarlighet", r => r.Allvarlighet.Text()),
            ("rattsligGrund", r => r.RattsligGrund), ("beskrivning", r => r.Beskrivning),
        ];
        return [.. fields.Select(f => new FieldChange(f.Namn, a is null ? null : f.Value(a), b is null ? null : f.Value(b)))
            .Where(c => !Same(c.Fran, c.Till))];
    }

    private static Dictionary<string, string> Top(string json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => JsonSerializer.Serialize(p.Value));
    }

    private static List<FieldChange> Compare(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        [.. a.Keys.Union(b.Keys).Order(StringComparer.Ordinal)
            .Select(k => new FieldChange(k, a.GetValueOrDefault(k), b.GetValueOrDefault(k)))
            .Where(c => !Same(c.Fran, c.Till))];

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.Ordinal);
}

/// <param name="GiltigFran">Null when both versions apply from the same day.</param>
public sealed record VersionComparison(
    string Regelverk, string FranVersion, string TillVersion, FieldChange? GiltigFran,
    IReadOnlyList<RuleChange> Regler, IReadOnlyList<FieldChange> Parametrar, IReadOnlyList<FieldChange> Indata,
    FieldChange? Beskrivning, FieldChange? RattsligGrund);

/// <param name="Andring">"tillagd", "borttagen" or "ändrad".</param>
public sealed record RuleChange(string Regel, string Andring, IReadOnlyList<FieldChange> Falt);

/// <param name="Fran">The value in the older version, null when absent there.</param>
public sealed record FieldChange(string Falt, string? Fran, string? Till);
