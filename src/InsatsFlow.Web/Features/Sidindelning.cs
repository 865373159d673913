using InsatsFlow.Core.Domain;

namespace InsatsFlow.Web.Features;

/// <summary>A page of a list: its rows, where it is, how many there are in all, and the next page's address (null on the last).
/// The same shape as /api/insatser's.</summary>
public sealed record Sidresultat<T>(IReadOnlyList<T> Poster, int Sida, int Antal, int Totalt, string? Nasta);

/// <summary>The stable limits of every list endpoint: pages from 1, 1–<see cref="MaxAntal"/> rows, <see cref="StandardAntal"/> unless asked.</summary>
public static class Sidindelning
{
    public const int StandardAntal = 50;
    public const int MaxAntal = 200;

    /// <summary>Adds the field errors of the paging parameters and of the sort key (one of <paramref name="sorteringar"/>, '-' before for descending).</summary>
    public static (int Sida, int Antal, string Sortering, bool Fallande) Las(int? sida, int? antal, string? sortering, IReadOnlyList<string> sorteringar, List<Valideringsfel> fel)
    {
        if (sida is < 1) fel.Add(new("sida", "Sidan räknas från 1."));
        if (antal is < 1 or > MaxAntal) fel.Add(new("antal", $"Antal per sida är 1–{MaxAntal}."));
        var sorteras = sortering is { Length: > 0 } ? sortering : sorteringar[0];
        var nyckel = sorteras.TrimStart('-');
        if (!sorteringar.Contains(nyckel, StringComparer.OrdinalIgnoreCase))
            fel.Add(new("sortering", $"Okänd sortering \"{sortering}\"; giltiga är {string.Join(", ", sorteringar)}, med - före för fallande."));
        return (sida ?? 1, antal ?? StandardAntal, nyckel.ToLowerInvariant(), sorteras.StartsWith('-'));
    }

    /// <summary>
    /// Pages rows already read (a list the engine or a register gives whole): filtered by the caller, ordered here by the
    /// chosen key and then <paramref name="id"/>, so a page holds the same rows however often it is asked for.
    /// </summary>
    public static Sidresultat<T> Dela<T>(IEnumerable<T> rader, (int Sida, int Antal, string Sortering, bool Fallande) val,
        IReadOnlyDictionary<string, Func<T, object?>> nycklar, Func<T, object?> id, string sokvag, string? sortering, params (string Namn, object? Varde)[] filter)
    {
        var nyckel = nycklar[val.Sortering];
        var ordnade = val.Fallande
            ? rader.OrderByDescending(nyckel, Comparer<object?>.Default).ThenByDescending(id, Comparer<object?>.Default)
            : rader.OrderBy(nyckel, Comparer<object?>.Default).ThenBy(id, Comparer<object?>.Default);
        var alla = ordnade.ToList();
        var poster = alla.Skip((val.Sida - 1) * val.Antal).Take(val.Antal).ToList();
        return new Sidresultat<T>(poster, val.Sida, val.Antal, alla.Count, Nasta(sokvag, val.Sida, val.Antal, alla.Count, sortering, filter));
    }

    /// <summary>The next page's address with the same filters, or null on the last page.</summary>
    public static string? Nasta(string sokvag, int sida, int antal, int totalt, string? sortering, params (string Namn, object? Varde)[] filter)
    {
        if (sida * antal >= totalt) return null;
        var parametrar = filter.Where(f => f.Varde is not null && f.Varde is not "")
            .Select(f => $"{f.Namn}={Uri.EscapeDataString(Convert.ToString(f.Varde, System.Globalization.CultureInfo.InvariantCulture)!)}").ToList();
        if (sortering is { Length: > 0 }) parametrar.Add($"sortering={Uri.EscapeDataString(sortering)}");
        parametrar.Add($"sida={sida + 1}");
        parametrar.Add($"antal={antal}");
        return sokvag + "?" + string.Join('&', parametrar);
    }
}
