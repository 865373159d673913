using InsatsFlow.Rules.Evaluation;

namespace InsatsFlow.Rules.Format;

/// <summary>
/// A top-level rule of a rule file with what its Properties say about it. <paramref name="Detalj"/> is the optional
/// expression that lists what made the rule fail (the budget lines, the medlem, the ledamot), evaluated only then.
/// </summary>
public sealed record RuleDefinition(
    string Namn,
    Allvarlighet Allvarlighet,
    string Meddelande,
    string RattsligGrund,
    string? Beskrivning,
    string? Uttryck,
    string? Detalj = null);
