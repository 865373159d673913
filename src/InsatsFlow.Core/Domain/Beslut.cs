namespace InsatsFlow.Core.Domain;

/// <summary>A decision by the styrelse (or beredningsgrupp at idéfas) with its paragraph in the protocol.</summary>
public sealed class Beslut : IValideras
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid InsatsId { get; init; }
    public Guid? SammantradeId { get; set; }
    public BeslutsTyp Typ { get; set; }
    public DateOnly Datum { get; set; }

    /// <summary>The § in the protocol, e.g. 12 for "§ 12".</summary>
    public int? Paragraf { get; set; }

    public decimal? BeviljatBelopp { get; set; }
    public string? Motivering { get; set; }

    public IEnumerable<Valideringsfel> Validera()
    {
        if (BeviljatBelopp is < 0) yield return new(nameof(BeviljatBelopp), "Beviljat belopp kan inte vara negativt.");
        if (Paragraf is <= 0) yield return new(nameof(Paragraf), "Paragrafnumret måste vara ett positivt tal.");
        if (Typ != BeslutsTyp.Bifall && BeviljatBelopp is > 0)
            yield return new(nameof(BeviljatBelopp), "Belopp beviljas bara vid bifall.");
    }
}

public enum BeslutsTyp
{
    Bifall,
    Avslag,
    Aterremiss,
}
