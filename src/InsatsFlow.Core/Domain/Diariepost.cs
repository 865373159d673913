namespace InsatsFlow.Core.Domain;

/// <summary>
/// One handling registered in the diarium: a document the förbund produced or received, numbered within the
/// insats's ärende ("SF 2026/014-3") with its registration date. A protokollsutdrag also records when the protocol
/// was justerat and when the anslag went up, which starts the appeal period (KL 13 kap 5 §).
/// </summary>
public sealed class Diariepost : IValideras
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ForbundId { get; init; }
    public Guid InsatsId { get; init; }

    /// <summary>The ärende's diarienummer (the insats's), e.g. "SF 2026/014".</summary>
    public required string Arende { get; init; }

    /// <summary>The handling's number within the ärende, from 1.</summary>
    public int Lopnummer { get; init; }

    public required string Handling { get; set; }
    public Handlingsriktning Riktning { get; init; }
    public DateOnly Registrerad { get; init; }

    /// <summary>The archived document, when InsatsFlow produced it.</summary>
    public Guid? DokumentId { get; set; }

    public DateOnly? Justerad { get; set; }
    public DateOnly? Anslagen { get; set; }

    public string Diarienummer => $"{Arende}-{Lopnummer}";

    /// <summary>Three weeks from the day the anslag went up (KL 13 kap 5 §).</summary>
    public DateOnly? OverklagandetidSlutar => Anslagen?.AddDays(21);

    public IEnumerable<Valideringsfel> Validera()
    {
        if (string.IsNullOrWhiteSpace(Handling)) yield return new(nameof(Handling), "Handlingen saknar namn.");
        if (Lopnummer < 1) yield return new(nameof(Lopnummer), "Löpnumret ska vara minst 1.");
        if (Justerad is { } j && j < Registrerad) yield return new(nameof(Justerad), "Protokollet kan inte justeras före registreringen.");
        if (Anslagen is { } a && (Justerad is null || a < Justerad)) yield return new(nameof(Anslagen), "Anslaget sätts upp först när protokollet är justerat.");
    }
}

public enum Handlingsriktning
{
    Upprattad,
    Inkommen,
}
