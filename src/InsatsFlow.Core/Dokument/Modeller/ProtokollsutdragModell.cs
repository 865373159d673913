namespace InsatsFlow.Core.Dokument.Modeller;

/// <summary>An extract of one § of the styrelse's minutes (templates/protokollsutdrag.sbn).</summary>
/// <param name="Beslutsutfall">"bifall", "avslag" or "återremiss".</param>
public sealed record ProtokollsutdragModell(
    Forbundsuppgifter Forbund,
    string Diarienummer,
    DateOnly Sammantradesdatum,
    string Plats,
    int Paragraf,
    string Arende,
    IReadOnlyList<Person> Narvarande,
    IReadOnlyList<Jav> Jav,
    string Beredning,
    string Beslutsutfall,
    IReadOnlyList<string> Beslut,
    IReadOnlyList<Regelutfall> Regelprovning,
    Person Ordforande,
    Person Sekreterare,
    Person Justerare,
    DateOnly? Justeringsdatum,
    IReadOnlyList<string> Expedieras);

/// <summary>A declared jäv: the person left the meeting during the item.</summary>
public sealed record Jav(string Namn, string Grund);
