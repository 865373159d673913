namespace InsatsFlow.Core.Domain;

/// <summary>The förbund's budget for one year (FINSAM 23 §, KL 11 kap).</summary>
public sealed class Arsbudget : IValideras
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ForbundId { get; init; }
    public int Ar { get; set; }
    public List<MedlemsIntakt> Intakter { get; init; } = [];
    public List<Kostnadspost> Kostnader { get; init; } = [];
    public decimal EgetKapital { get; set; }
    public List<Samrad> Samrad { get; init; } = [];

    /// <summary>The day the styrelse adopted it; null while it is a proposal.</summary>
    public DateOnly? AntagenDatum { get; set; }

    public decimal SummaIntakter => Intakter.Sum(i => i.Belopp);
    public decimal SummaKostnader => Kostnader.Sum(k => k.Belopp);
    public decimal Resultat => SummaIntakter - SummaKostnader;

    public IEnumerable<Valideringsfel> Validera()
    {
        if (Ar is < 2000 or > 2100) yield return new(nameof(Ar), "Året är orimligt.");
        for (var i = 0; i < Intakter.Count; i++)
            if (Intakter[i].Belopp < 0)
                yield return new($"{nameof(Intakter)}[{i}].Belopp", "Beloppet kan inte vara negativt.");
        for (var i = 0; i < Kostnader.Count; i++)
            if (Kostnader[i].Belopp < 0)
                yield return new($"{nameof(Kostnader)}[{i}].Belopp", "Beloppet kan inte vara negativt.");
    }
}

public sealed class MedlemsIntakt
{
    public Guid MedlemId { get; set; }
    public decimal Belopp { get; set; }
}

public sealed class Kostnadspost
{
    public Kostnadsomrade Omrade { get; set; }
    public decimal Belopp { get; set; }
}

public enum Kostnadsomrade
{
    Styrelse,
    Administration,
    Revision,
    Insatser,
}

/// <summary>Consultation with one member before adoption (FINSAM 23 §).</summary>
public sealed class Samrad
{
    public Guid MedlemId { get; set; }
    public DateOnly Datum { get; set; }
}
