using System.Globalization;
using System.Text;
using Scriban.Runtime;

namespace InsatsFlow.Core.Dokument;

/// <summary>
/// The Swedish formatting functions a template may call: kronor, heltal (years, §, counts), procent, datum, datum_kort, and stycken
/// (text with blank lines → &lt;p&gt; paragraphs). Values come from the JSON snapshot, so numbers are
/// int/long/decimal and dates are "yyyy-MM-dd" strings.
/// </summary>
public static class Mallfunktioner
{
    public static ScriptObject Skapa()
    {
        var funktioner = new ScriptObject();
        funktioner.Import("kronor", new Func<object?, string>(v => SvenskFormatering.Kronor(Decimal("kronor", v))));
        funktioner.Import("heltal", new Func<object?, string>(v => SvenskFormatering.Heltal(Decimal("heltal", v))));
        funktioner.Import("procent", new Func<object?, string>(v => SvenskFormatering.Procent(Decimal("procent", v))));
        funktioner.Import("datum", new Func<object?, string>(v => SvenskFormatering.Datum(Dag("datum", v))));
        funktioner.Import("datum_kort", new Func<object?, string>(v => SvenskFormatering.DatumKort(Dag("datum_kort", v))));
        funktioner.Import("stycken", new Func<object?, string>(Stycken));
        return funktioner;
    }

    private static decimal Decimal(string funktion, object? varde) => varde switch
    {
        int i => i,
        long l => l,
        decimal d => d,
        double d => (decimal)d,
        float f => (decimal)f,
        string s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        null => throw new ArgumentException($"{funktion}: värdet saknas"),
        _ => throw new ArgumentException($"{funktion}: \"{varde}\" är inte ett tal"),
    };

    private static DateOnly Dag(string funktion, object? varde) => varde switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        DateTimeOffset dto => DateOnly.FromDateTime(dto.DateTime),
        string s when s.Length >= 10 && DateOnly.TryParseExact(s[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
        null => throw new ArgumentException($"{funktion}: datumet saknas"),
        _ => throw new ArgumentException($"{funktion}: \"{varde}\" är inte ett datum (ÅÅÅÅ-MM-DD)"),
    };

    /// <summary>Paragraphs from text that is already escaped (model text arrives escaped).</summary>
    private static string Stycken(object? varde)
    {
        var text = varde?.ToString() ?? "";
        var html = new StringBuilder();
        foreach (var stycke in text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            html.Append("<p>").Append(stycke.Replace("\n", "<br>")).Append("</p>\n");
        return html.ToString();
    }
}
