using System.Text.Json;
using InsatsFlow.Rules.Loading;

namespace InsatsFlow.Core.Formular;

/// <summary>
/// Reads a form's alternatives from the parameters of the regelverk version in force today (Europe/Stockholm), so the
/// form offers exactly the values the rule accepts, labelled in Swedish by the jurists' own label parameter.
/// </summary>
public sealed class Regelverksalternativ(RuleCatalogueHolder regler, TimeProvider tid)
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public IReadOnlyList<Formularalternativ> Hamta(Alternativkalla kalla)
    {
        var idag = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(tid.GetUtcNow(), Stockholm).DateTime);
        var fil = regler.Current.InForce(kalla.Regelverk, idag);
        if (fil is null || string.IsNullOrWhiteSpace(fil.ParametrarJson)) return [];
        using var parametrar = JsonDocument.Parse(fil.ParametrarJson);
        if (!parametrar.RootElement.TryGetProperty(kalla.Lista, out var lista) || lista.ValueKind != JsonValueKind.Array) return [];
        var etiketter = kalla.Etiketter is { } namn && parametrar.RootElement.TryGetProperty(namn, out var e) && e.ValueKind == JsonValueKind.Object
            ? e.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : [];
        return [.. lista.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)
            .Select(v => new Formularalternativ(v, etiketter.GetValueOrDefault(v, v)))];
    }
}
