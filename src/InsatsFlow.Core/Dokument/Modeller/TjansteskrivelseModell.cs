namespace InsatsFlow.Core.Dokument.Modeller;

/// <summary>The kansli's written preparation of an ärende for the styrelse (templates/tjansteskrivelse.sbn).</summary>
public sealed record TjansteskrivelseModell(
    Forbundsuppgifter Forbund,
    string Diarienummer,
    DateOnly Dokumentdatum,
    string Titel,
    Person Handlaggare,
    string Sokande,
    Period Period,
    IReadOnlyList<string> MedverkandeParter,
    string Bakgrund,
    string Bedomning,
    IReadOnlyList<Budgetrad> Budget,
    decimal Summa,
    IReadOnlyList<Yttrande> Yttranden,
    IReadOnlyList<Regelutfall> Regelprovning,
    IReadOnlyList<string> ForslagTillBeslut,
    DateOnly? Sammantradesdatum);
