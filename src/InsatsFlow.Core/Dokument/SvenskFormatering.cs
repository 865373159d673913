using System.Globalization;

namespace InsatsFlow.Core.Dokument;

/// <summary>
/// Numbers and dates as Swedish public-sector documents print them. Written out rather than taken from the
/// sv-SE culture so the output does not depend on the machine's ICU data. Digit groups and the space before
/// "kr" and "%" are NO-BREAK SPACE (U+00A0), as sv-SE uses, so an amount never breaks over two lines.
/// </summary>
public static class SvenskFormatering
{
    public const char HardtMellanslag = '\u00A0';
    private const char Minustecken = '\u2212';

    private static readonly string[] Manader =
    [
        "januari", "februari", "mars", "april", "maj", "juni",
        "juli", "augusti", "september", "oktober", "november", "december",
    ];

    private static readonly NumberFormatInfo Tal = new()
    {
        NumberGroupSeparator = HardtMellanslag.ToString(),
        NumberDecimalSeparator = ",",
        NegativeSign = Minustecken.ToString(),
        NumberGroupSizes = [3],
    };

    /// <summary>1250000 → "1 250 000 kr"; öre only when there are any: 1250.5 → "1 250,50 kr".</summary>
    public static string Kronor(decimal belopp)
    {
        var format = decimal.Truncate(belopp) == belopp ? "#,0" : "#,0.00";
        return belopp.ToString(format, Tal) + HardtMellanslag + "kr";
    }

    /// <summary>A share as a fraction, at most one decimal: 0.25 → "25 %", 0.7746 → "77,5 %".</summary>
    public static string Procent(decimal andel) =>
        (andel * 100m).ToString("#,0.#", Tal) + HardtMellanslag + "%";

    /// <summary>"30 november 2026".</summary>
    public static string Datum(DateOnly datum) => $"{datum.Day} {Manader[datum.Month - 1]} {datum.Year}";

    /// <summary>"2026-11-30".</summary>
    public static string DatumKort(DateOnly datum) => datum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
