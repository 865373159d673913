namespace InsatsFlow.Core.Dokument.Modeller;

/// <summary>The letter telling the sökande what the styrelse decided (templates/beslutsbrev.sbn).</summary>
/// <param name="Beslutsutfall">"bifall", "avslag" or "återremiss".</param>
public sealed record BeslutsbrevModell(
    Forbundsuppgifter Forbund,
    string Diarienummer,
    DateOnly Dokumentdatum,
    Person Mottagare,
    string Mottagaradress,
    string Arende,
    string Beslutsutfall,
    DateOnly Sammantradesdatum,
    int Paragraf,
    decimal? BeviljatBelopp,
    Period? Period,
    string Motivering,
    IReadOnlyList<string> Villkor,
    Person Kontaktperson);
