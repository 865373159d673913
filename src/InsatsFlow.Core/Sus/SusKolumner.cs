using System.Text.Json;
using System.Text.Json.Serialization;

namespace InsatsFlow.Core.Sus;

/// <summary>
/// The columns of the SUS export and their order (sus/exportkolumner.json), so whoever checks them against SUS's
/// insatsrapport reorders or renames them without code.
/// </summary>
public sealed record SusKolumner([property: JsonPropertyName("kolumner")] IReadOnlyList<SusKolumn> Kolumner)
{
    public const string Filnamn = "exportkolumner.json";

    /// <summary>What a column may hold; budget:/utfall: take a budgettyp's code.</summary>
    public static readonly IReadOnlyList<string> KandaFalt =
    [
        "diarienummer", "namn", "beskrivning", "startdatum", "slutdatum", "inriktning", "preciseradInriktning", "matningsmetod",
        "malgrupper", "planeradeDeltagare", "budgetbeskrivning", "deltagarePaborjade", "deltagareAvslutade", "sokande",
    ];

    public static SusKolumner Las(string fil, SusVardelistor listor)
    {
        SusKolumner? kolumner;
        try
        {
            kolumner = JsonSerializer.Deserialize<SusKolumner>(File.ReadAllText(fil));
        }
        catch (JsonException e)
        {
            throw new SusKonfigurationsfel($"{fil}: ogiltig JSON på rad {e.LineNumber + 1}: {e.Message}");
        }
        if (kolumner?.Kolumner is not { Count: > 0 }) throw new SusKonfigurationsfel($"{fil}: kolumner saknas.");
        for (var i = 0; i < kolumner.Kolumner.Count; i++)
        {
            var k = kolumner.Kolumner[i];
            if (string.IsNullOrWhiteSpace(k.Rubrik)) throw new SusKonfigurationsfel($"{fil}: kolumner[{i}] saknar rubrik.");
            if (!ArKant(k.Falt, listor))
                throw new SusKonfigurationsfel($"{fil}: kolumner[{i}] ({k.Rubrik}) har faltet \"{k.Falt}\"; kända är {string.Join(", ", KandaFalt)}, " +
                    $"budget:<budgettyp> och utfall:<budgettyp> med budgettyperna {string.Join(", ", listor.Budgettyper.Select(b => b.Kod))}.");
        }
        if (kolumner.Kolumner.GroupBy(k => k.Rubrik).FirstOrDefault(g => g.Count() > 1) is { } dubbel)
            throw new SusKonfigurationsfel($"{fil}: rubriken \"{dubbel.Key}\" finns två gånger.");
        return kolumner;
    }

    private static bool ArKant(string? falt, SusVardelistor listor)
    {
        if (falt is null) return false;
        if (KandaFalt.Contains(falt)) return true;
        var delar = falt.Split(':', 2);
        return delar.Length == 2 && delar[0] is "budget" or "utfall" && listor.Budgettyper.Any(b => b.Kod == delar[1]);
    }
}

public sealed record SusKolumn(
    [property: JsonPropertyName("rubrik")] string Rubrik,
    [property: JsonPropertyName("falt")] string Falt);
