namespace InsatsFlow.Core.Domain;

/// <summary>Where an insats stands in its life (DESIGN.md, "The insats lifecycle").</summary>
public enum InsatsFas
{
    Idefas,
    Ansokan,
    Beredning,
    Styrelsebeslut,
    Genomforande,
    Implementeringsbeslut,
    Avslutad,
    Avslagen,
}
