namespace InsatsFlow.Core.Domain;

/// <summary>A member party of the förbund (FINSAM 5 §).</summary>
public sealed class Medlem
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ForbundId { get; init; }
    public required string Namn { get; set; }
    public MedlemsTyp Typ { get; set; }
}

public enum MedlemsTyp
{
    Forsakringskassan,
    Arbetsformedlingen,
    Region,
    Kommun,
}
