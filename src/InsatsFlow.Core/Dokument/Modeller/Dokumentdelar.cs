namespace InsatsFlow.Core.Dokument.Modeller;

// Small parts shared by several document models. Plain data: what a template may see and nothing more.

/// <summary>The sender in every document heading.</summary>
public sealed record Forbundsuppgifter(string Namn, string Organisationsnummer, string Postadress, string? Webbplats);

public sealed record Period(DateOnly Fran, DateOnly Till);

public sealed record Person(string Namn, string? Roll, string? Organisation);

/// <summary>One budget line of an insats, by cost type.</summary>
public sealed record Budgetrad(string Kostnadsslag, string Beskrivning, decimal Belopp);

/// <summary>One rule's outcome as stored by the rule evaluation, with the law it rests on.</summary>
public sealed record Regelutfall(
    string Regelverk,
    string Version,
    string Regel,
    bool Uppfylld,
    string Meddelande,
    IReadOnlyList<string> RattsligGrund);

public sealed record Yttrande(string Medlem, string LamnatAv, DateOnly Datum, string Sammanfattning, bool Tillstyrker);
