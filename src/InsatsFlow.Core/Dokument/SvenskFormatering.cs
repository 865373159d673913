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

    private static readonly NumberFormatInfo Talformat = new()
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
        return belopp.ToString(format, Talformat) + HardtMellanslag + "kr";
    }

    /// <summary>
    /// A whole number as Swedes write a year, a § or a count: 2027 → "2027", also when it was read back as 2027.0.
    /// No digit groups, so a year never prints as "2 027". Throws when the number has a fraction.
    /// </summary>
    public static string Heltal(decimal tal) =>
        decimal.Truncate(tal) == tal ? decimal.Truncate(tal).ToString("0", Talformat) : throw new ArgumentException($"{tal.ToString(CultureInfo.InvariantCulture)} är inte ett heltal");

    /// <summary>Any number in Swedish: whole numbers as <see cref="Heltal"/>, others with a decimal comma: 0.25 → "0,25".</summary>
    public static string Tal(decimal tal) => decimal.Truncate(tal) == tal ? Heltal(tal) : tal.ToString("0.##########", Talformat);

    /// <summary>A share as a fraction, at most one decimal: 0.25 → "25 %", 0.7746 → "77,5 %".</summary>
    public static string Procent(decimal andel) =>
        (andel * 100m).ToString("#,0.#", Talformat) + HardtMellanslag + "%";

    /// <summary>"30 november 2026".</summary>
    public static string Datum(DateOnly datum) => $"{datum.Day} {Manader[datum.Month - 1]} {datum.Year}";

    /// <summary>"2026-11-30".</summary>
    public static string DatumKort(DateOnly datum) => datum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
