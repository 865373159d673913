namespace InsatsFlow.Rules.Evaluation;

/// <summary>One evaluation of one regelverk version: enough to answer, years later, why a decision passed or not.</summary>
public sealed record RuleSetResult(
    string Regelverk,
    string Version,
    DateOnly GiltigFran,
    string Sha256,
    DateOnly Datum,
    string IndataJson,
    IReadOnlyList<RuleOutcome> Regler)
{
    /// <summary>No blocking outcome.</summary>
    public bool Uppfylld => Regler.All(r => !r.Blockerar);

    public IReadOnlyList<string> Fel => [.. Regler.Where(r => r.Blockerar).Select(Text)];

    public IReadOnlyList<string> Varningar => [.. Regler.Where(r => r.Varnar).Select(Text)];

    private static string Text(RuleOutcome r) =>
        r.Utfall == Utfall.FelIRegeln ? $"{r.Regel}: regeln kunde inte prövas ({r.Detalj})"
        : r.Detalj is { Length: > 0 } detalj ? $"{r.Meddelande} Gäller: {detalj}." : r.Meddelande;
}
