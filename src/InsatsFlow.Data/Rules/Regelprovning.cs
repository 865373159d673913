namespace InsatsFlow.Data.Rules;

/// <summary>
/// One stored rule evaluation (regelprövning): which version of which regelverk, the file's hash, the date it was
/// about, the exact input, and each rule's outcome. Written once, never changed.
/// </summary>
public sealed class Regelprovning
{
    public Guid Id { get; set; }
    public required string Regelverk { get; set; }
    public required string Version { get; set; }
    public required string Sha256 { get; set; }
    public DateOnly GiltigFran { get; set; }
    /// <summary>The date the evaluation is about (decision date, budget year), not when it ran.</summary>
    public DateOnly Datum { get; set; }
    public required string IndataJson { get; set; }
    public bool Uppfylld { get; set; }
    public DateTime UtfordVidUtc { get; set; }
    public string? ProcessInstanceId { get; set; }
    public string? ElementId { get; set; }
    public List<RegelprovningUtfall> Utfall { get; set; } = [];
}

/// <summary>One rule's outcome, stored as the Swedish words the jurists use so the table reads without code.</summary>
public sealed class RegelprovningUtfall
{
    public int Ordning { get; set; }
    public required string Regel { get; set; }
    /// <summary>"uppfylld", "ej uppfylld" or "fel i regeln".</summary>
    public required string Utfall { get; set; }
    /// <summary>"fel" or "varning".</summary>
    public required string Allvarlighet { get; set; }
    public required string Meddelande { get; set; }
    public required string RattsligGrund { get; set; }
    public string? Detalj { get; set; }
}
