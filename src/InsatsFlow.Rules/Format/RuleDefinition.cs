using InsatsFlow.Rules.Evaluation;

namespace InsatsFlow.Rules.Format;

/// <summary>A top-level rule of a rule file with what its Properties say about it.</summary>
public sealed record RuleDefinition(
    string Namn,
    Allvarlighet Allvarlighet,
    string Meddelande,
    string RattsligGrund,
    string? Beskrivning,
    string? Uttryck);
