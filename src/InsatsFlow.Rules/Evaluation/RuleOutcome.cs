namespace InsatsFlow.Rules.Evaluation;

/// <summary>What one rule said. <paramref name="Detalj"/> carries the exception text when the rule itself failed.</summary>
public sealed record RuleOutcome(
    string Regel,
    Utfall Utfall,
    Allvarlighet Allvarlighet,
    string Meddelande,
    string RattsligGrund,
    string? Detalj)
{
    /// <summary>A failed fel-rule blocks, and so does a rule that could not be evaluated at all.</summary>
    public bool Blockerar => Utfall == Utfall.FelIRegeln || (Utfall == Utfall.EjUppfylld && Allvarlighet == Allvarlighet.Fel);

    public bool Varnar => Utfall == Utfall.EjUppfylld && Allvarlighet == Allvarlighet.Varning;
}
