namespace InsatsFlow.Core.Uppfoljning;

/// <summary>
/// What a chart shows, independent of how it is drawn: the page draws it with ECharts and prints the same numbers
/// as a table for screen readers. <see cref="Typ"/> is stapel, linje, cirkel or lada (box plot: min, Q1, median, Q3, max).
/// </summary>
public sealed record Diagram(
    string Id,
    string Titel,
    string Typ,
    string Enhet,
    IReadOnlyList<string> Kategorier,
    IReadOnlyList<Dataserie> Serier)
{
    public const string Stapel = "stapel";
    public const string Linje = "linje";
    public const string Cirkel = "cirkel";
    public const string Lada = "lada";

    public bool ArTomt => Kategorier.Count == 0 || Serier.All(s => s.Varden.All(v => v is null or 0m));

    /// <summary>The table behind the chart: a row per category, a column per series (for a box plot, per statistic).</summary>
    public Diagramtabell Tabell()
    {
        if (Typ == Lada)
        {
            var rubriker = new[] { "Antal", "Min", "Första kvartil", "Median", "Tredje kvartil", "Max" };
            return new(Titel, ["", .. rubriker], [.. Kategorier.Select((k, i) => (IReadOnlyList<string>)[k, .. Lador![i].Varden().Select(Format)])]);
        }
        return new(Titel, ["", .. Serier.Select(s => s.Namn)],
            [.. Kategorier.Select((k, i) => (IReadOnlyList<string>)[k, .. Serier.Select(s => Format(s.Varden[i]))])]);
    }

    /// <summary>For a box plot: one spread per category, counted in <see cref="Enhet"/>.</summary>
    public IReadOnlyList<Spridning>? Lador { get; init; }

    private string Format(decimal? v) => v is null ? "–" : Enhet == "kr"
        ? v.Value.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("sv-SE")) + " kr"
        : v.Value.ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("sv-SE")) + (Enhet.Length > 0 ? " " + Enhet : "");
}

public sealed record Dataserie(string Namn, IReadOnlyList<decimal?> Varden);

public sealed record Diagramtabell(string Rubrik, IReadOnlyList<string> Kolumner, IReadOnlyList<IReadOnlyList<string>> Rader);

/// <summary>The five numbers of a box plot and how many values they summarise.</summary>
public sealed record Spridning(int Antal, decimal Min, decimal ForstaKvartil, decimal Median, decimal TredjeKvartil, decimal Max)
{
    public IEnumerable<decimal?> Varden() => [Antal, Min, ForstaKvartil, Median, TredjeKvartil, Max];

    /// <summary>Quartiles by linear interpolation between closest ranks (as spreadsheets' KVARTIL.INK).</summary>
    public static Spridning? Av(IReadOnlyCollection<decimal> varden)
    {
        if (varden.Count == 0) return null;
        var s = varden.Order().ToArray();
        decimal Kvantil(decimal p)
        {
            var pos = p * (s.Length - 1);
            var lag = (int)Math.Floor(pos);
            var hog = Math.Min(lag + 1, s.Length - 1);
            return s[lag] + (s[hog] - s[lag]) * (pos - lag);
        }
        return new(s.Length, s[0], Kvantil(0.25m), Kvantil(0.5m), Kvantil(0.75m), s[^1]);
    }
}
