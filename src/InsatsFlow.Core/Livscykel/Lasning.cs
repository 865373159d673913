using System.Globalization;
using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Regelprovning;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Livscykel;

/// <summary>Reading the domain object an instance is about, and values out of JSON-like variables.</summary>
internal static class Lasning
{
    public static async Task<Insats> InsatsAsync(IDomanData data, IReadOnlyDictionary<string, object?> variabler, CancellationToken ct)
    {
        var id = Processvariabler.KravGuid(variabler, Processvariabler.InsatsId);
        return await data.Insatser.FindAsync([id], ct) ?? throw new InvalidOperationException($"Insatsen {id} finns inte.");
    }

    /// <summary>The förbund's Arsbudget for the instance's budgetar, or null if none is made yet.</summary>
    public static async Task<Arsbudget?> BudgetAsync(IDomanData data, IReadOnlyDictionary<string, object?> variabler, CancellationToken ct)
    {
        var forbundId = Processvariabler.KravGuid(variabler, Processvariabler.ForbundId);
        var ar = Processvariabler.Heltal(variabler, Processvariabler.Budgetar)
            ?? throw new InvalidOperationException($"Processvariabeln \"{Processvariabler.Budgetar}\" saknas.");
        return data.Arsbudgetar.Local.FirstOrDefault(b => b.ForbundId == forbundId && b.Ar == ar)
            ?? await data.Arsbudgetar.FirstOrDefaultAsync(b => b.ForbundId == forbundId && b.Ar == ar, ct);
    }

    public static DateOnly Idag(DateTimeOffset nu) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(nu, Kalender.SvenskaArbetsdagar.Stockholm).DateTime);

    public static DateOnly? Datum(object? varde) => varde switch
    {
        DateOnly d => d,
        DateTimeOffset t => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t, Kalender.SvenskaArbetsdagar.Stockholm).DateTime),
        string s when DateOnly.TryParseExact(s.Length >= 10 ? s[..10] : s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
        _ => null,
    };

    public static decimal? Belopp(object? varde) => varde switch
    {
        null => null,
        decimal d => d,
        long l => l,
        int i => i,
        double d => (decimal)d,
        string s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    public static int? Heltal(object? varde) => Belopp(varde) is { } b ? (int)b : null;

    public static string? Text(object? varde) => varde is null ? null : Convert.ToString(varde, CultureInfo.InvariantCulture);

    public static string? Text(IReadOnlyDictionary<string, object?> rad, string namn) => rad.TryGetValue(namn, out var v) ? Text(v) : null;

    /// <summary>The rows of a tabell field (lists of dictionaries).</summary>
    public static IEnumerable<IReadOnlyDictionary<string, object?>> Rader(object? varde) =>
        varde is IEnumerable<object?> lista ? lista.OfType<IReadOnlyDictionary<string, object?>>() : [];
}
