namespace InsatsFlow.Core.Domain;

/// <summary>
/// A medlem's yttrande over an ansökan, given in beredning by one of the medlem's representatives (or by the kansli
/// on its behalf, with the reason). A återremiss gives a new round; the latest per medlem is the one that counts.
/// </summary>
public sealed class Medlemsyttrande : IValideras
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid MedlemId { get; set; }

    /// <summary>The signed-in user who gave it.</summary>
    public required string LamnatAv { get; set; }

    /// <summary>Why the kansli gave it for the medlem; null when the medlem's own representative did.</summary>
    public string? Ombudsskal { get; set; }

    public DateOnly Datum { get; set; }
    public DateTimeOffset LamnatUtc { get; set; }
    public string Sammanfattning { get; set; } = "";
    public bool Tillstyrker { get; set; }

    public IEnumerable<Valideringsfel> Validera()
    {
        if (string.IsNullOrWhiteSpace(Sammanfattning)) yield return new(nameof(Sammanfattning), "Yttrandet saknar text.");
        if (LamnatUtc.Offset != TimeSpan.Zero) yield return new(nameof(LamnatUtc), "Tidpunkter lagras i UTC.");
    }
}

/// <summary>The insats's slutrapport at avslut: results, participants and what was learnt.</summary>
public sealed class Slutrapport
{
    public DateOnly Datum { get; set; }
    public string Resultat { get; set; } = "";
    public int? AntalDeltagareTotalt { get; set; }
    public string? Lardomar { get; set; }
    public required string LamnadAv { get; set; }
    public DateTimeOffset InlamnadUtc { get; set; }
}
