using System.Text.Json;
using InsatsFlow.Core.Domain;
using InsatsFlow.Rules.Evaluation;

namespace InsatsFlow.Core.Sus;

/// <summary>
/// Tries an insats against the two SUS regelverk: sus-uppgifter (what SUS needs before the insats can be beslutad)
/// and sus-granskning (what SUS will refuse, owned by the jurists). The answer lists what is missing in Swedish.
/// </summary>
public sealed class SusProvning(RuleEvaluator regler, SusKatalog katalog)
{
    public const string Uppgifter = "sus-uppgifter";
    public const string Granskning = "sus-granskning";

    public async Task<SusResultat> ProvaAsync(Insats insats, DateOnly datum, CancellationToken ct = default)
    {
        var indata = JsonSerializer.SerializeToElement(SusUnderlag.Bygg(insats, katalog.Vardelistor));
        var uppgifter = await regler.EvaluateAsync(Uppgifter, datum, null, indata, ct);
        var granskning = await regler.EvaluateAsync(Granskning, datum, null, indata, ct);
        return new(insats, uppgifter, granskning);
    }
}

public sealed record SusResultat(Insats Insats, RuleSetResult Uppgifter, RuleSetResult Granskning)
{
    /// <summary>Nothing SUS needs is missing and nothing it would refuse.</summary>
    public bool Godkand => Uppgifter.Uppfylld && Granskning.Uppfylld;

    public IReadOnlyList<string> Saknas => [.. Uppgifter.Fel, .. Granskning.Fel];

    public IReadOnlyList<string> Varningar => [.. Uppgifter.Varningar, .. Granskning.Varningar];

    /// <summary>"SF 2026/014 Hälsodisken: …; …" — one line per insats in a refusal.</summary>
    public string Text => $"{Insats.Diarienummer} {Insats.Titel}: {string.Join(" ", Saknas)}";
}
