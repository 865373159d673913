using System.Globalization;

namespace InsatsFlow.Core.Regelprovning;

/// <summary>
/// The process variables that tie an instance to the domain (workflows/README.md): which insats,
/// which förbund and budget year, which board meeting.
/// </summary>
public static class Processvariabler
{
    public const string InsatsId = "insatsId";
    public const string ForbundId = "forbundId";
    public const string Budgetar = "budgetar";
    public const string SammantradeId = "sammantradeId";

    public static Guid? Guid(IReadOnlyDictionary<string, object?> variabler, string namn) =>
        variabler.TryGetValue(namn, out var v) && v is not null && System.Guid.TryParse(Convert.ToString(v, CultureInfo.InvariantCulture), out var g) ? g : null;

    public static int? Heltal(IReadOnlyDictionary<string, object?> variabler, string namn) =>
        variabler.TryGetValue(namn, out var v) ? v switch
        {
            null => null,
            // A whole number read back from the instance's JSON may arrive as a decimal (2029.0).
            decimal d when d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
            long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
            _ => int.TryParse(Convert.ToString(v, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null,
        } : null;

    public static string? Text(IReadOnlyDictionary<string, object?> variabler, string namn) =>
        variabler.TryGetValue(namn, out var v) && v is not null ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;

    public static Guid KravGuid(IReadOnlyDictionary<string, object?> variabler, string namn) =>
        Guid(variabler, namn) ?? throw new InvalidOperationException($"Processvariabeln \"{namn}\" saknas eller är inget id.");
}
