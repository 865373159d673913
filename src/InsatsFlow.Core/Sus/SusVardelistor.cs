using System.Text.Json;
using System.Text.Json.Serialization;

namespace InsatsFlow.Core.Sus;

/// <summary>
/// The value lists of sus/vardelistor.json: inriktningar with their preciserade inriktningar, mätningsmetoder,
/// målgrupper and budgettyper. The kansli extends the file; codes are what the insats stores.
/// </summary>
public sealed record SusVardelistor(
    [property: JsonPropertyName("inriktningar")] IReadOnlyList<SusInriktning> Inriktningar,
    [property: JsonPropertyName("matningsmetoder")] IReadOnlyList<SusVarde> Matningsmetoder,
    [property: JsonPropertyName("malgrupper")] IReadOnlyList<SusVarde> Malgrupper,
    [property: JsonPropertyName("budgettyper")] IReadOnlyList<SusVarde> Budgettyper)
{
    public const string Filnamn = "vardelistor.json";

    public SusInriktning? Inriktning(string? kod) => Inriktningar.FirstOrDefault(i => i.Kod == kod);

    /// <summary>The inriktning a preciserad inriktning belongs to, or null when no list has it.</summary>
    public SusInriktning? InriktningFor(string? preciserad) =>
        Inriktningar.FirstOrDefault(i => i.PreciseradeInriktningar.Any(p => p.Kod == preciserad));

    public string Namn(IReadOnlyList<SusVarde> lista, string? kod) => lista.FirstOrDefault(v => v.Kod == kod)?.Namn ?? kod ?? "";

    public string PreciseradNamn(string? kod) =>
        Inriktningar.SelectMany(i => i.PreciseradeInriktningar).FirstOrDefault(p => p.Kod == kod)?.Namn ?? kod ?? "";

    /// <summary>Reads the file; a malformed one is refused with the file and what is wrong, in Swedish.</summary>
    public static SusVardelistor Las(string fil)
    {
        SusVardelistor? listor;
        try
        {
            listor = JsonSerializer.Deserialize<SusVardelistor>(File.ReadAllText(fil));
        }
        catch (JsonException e)
        {
            throw new SusKonfigurationsfel($"{fil}: ogiltig JSON på rad {e.LineNumber + 1}: {e.Message}");
        }
        if (listor is null || listor.Inriktningar is null || listor.Matningsmetoder is null || listor.Malgrupper is null || listor.Budgettyper is null)
            throw new SusKonfigurationsfel($"{fil}: inriktningar, matningsmetoder, malgrupper och budgettyper ska alla finnas.");
        var koder = listor.Inriktningar.Select(i => i.Kod).Concat(listor.Inriktningar.SelectMany(i => i.PreciseradeInriktningar ?? []).Select(p => p.Kod))
            .Concat(listor.Matningsmetoder.Select(m => m.Kod)).Concat(listor.Malgrupper.Select(m => m.Kod)).Concat(listor.Budgettyper.Select(b => b.Kod)).ToList();
        if (koder.FirstOrDefault(string.IsNullOrWhiteSpace) is not null || koder.Count != koder.Distinct().Count())
            throw new SusKonfigurationsfel($"{fil}: varje värde ska ha en kod, och ingen kod får finnas två gånger ({string.Join(", ", koder.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key))}).");
        foreach (var i in listor.Inriktningar)
            if (listor.Matningsmetoder.All(m => m.Kod != i.StandardMatningsmetod))
                throw new SusKonfigurationsfel($"{fil}: inriktningen {i.Kod} har standardMatningsmetod \"{i.StandardMatningsmetod}\", som inte finns bland matningsmetoder.");
        return listor;
    }
}

public sealed record SusInriktning(
    [property: JsonPropertyName("kod")] string Kod,
    [property: JsonPropertyName("namn")] string Namn,
    [property: JsonPropertyName("standardMatningsmetod")] string StandardMatningsmetod,
    [property: JsonPropertyName("preciseradeInriktningar")] IReadOnlyList<SusVarde> PreciseradeInriktningar);

public sealed record SusVarde(
    [property: JsonPropertyName("kod")] string Kod,
    [property: JsonPropertyName("namn")] string Namn);

/// <summary>A file in sus/ that cannot be used; the message names the file.</summary>
public sealed class SusKonfigurationsfel(string message) : Exception(message);
