namespace InsatsFlow.Core.Incidenter;

/// <summary>
/// One open incident as the kansli reads it: the case it stranded (insats or budget year), the step in words,
/// what went wrong in Swedish and how long it has waited.
/// </summary>
/// <param name="Arende">"2026-3 Arbetsträning i Gävle", "Budget 2027", or the business key.</param>
/// <param name="Steg">The element's name from the designer, or its id when it has none.</param>
/// <param name="Fel">The engine's message without the exception's type name.</param>
public sealed record Incidentrad(
    string Id,
    string InstansId,
    string Process,
    string Arende,
    Guid? InsatsId,
    string? Diarienummer,
    string? Titel,
    string ElementId,
    string Steg,
    string Fel,
    DateTimeOffset Uppstod,
    string Alder)
{
    /// <summary>What the user whose action ran into it is told, and what the kansli's notification says.</summary>
    public string Beskrivning => $"Steget \"{Steg}\" i {Arende} kunde inte köras: {Fel}";
}
