namespace InsatsFlow.Core.Dokument.Modeller;

/// <summary>The six-monthly (or other cycle) follow-up report of an insats (templates/uppfoljningsrapport.sbn).</summary>
public sealed record UppfoljningsrapportModell(
    Forbundsuppgifter Forbund,
    string Diarienummer,
    string Insats,
    string Projektagare,
    Period Insatsperiod,
    Period Rapportperiod,
    DateOnly Rapportdatum,
    Deltagarutfall Deltagare,
    IReadOnlyList<Malutfall> Mal,
    IReadOnlyList<Budgetutfall> Ekonomi,
    string Avvikelser,
    string KommandeAktiviteter,
    string Implementering,
    Person Rapportor);

public sealed record Deltagarutfall(int Planerade, int Inskrivna, int Kvinnor, int Man, int Avslutade, int TillArbeteEllerStudier);

/// <param name="Status">"uppnått", "pågår" or "ej uppnått".</param>
public sealed record Malutfall(string Mal, string Indikator, string Utfall, string Status);

public sealed record Budgetutfall(string Kostnadsslag, decimal Budget, decimal Utfall);
