namespace InsatsFlow.Core.Domain;

/// <summary>A member party of the förbund (FINSAM 5 §).</summary>
public sealed class Medlem
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ForbundId { get; init; }
    public required string Namn { get; set; }
    public MedlemsTyp Typ { get; set; }

    /// <summary>The member's share of the förbund's funds as a fraction (FINSAM 5 §, set by the förbundsordning), or null when not recorded.</summary>
    public decimal? Andel { get; set; }
}

public enum MedlemsTyp
{
    Forsakringskassan,
    Arbetsformedlingen,
    Region,
    Kommun,
}
