namespace InsatsFlow.Core.Domain;

/// <summary>How the insats lives on when the funding ends (the four alternatives of the 2011 training material).</summary>
public sealed class Implementeringsbeslut
{
    public Implementeringsalternativ Alternativ { get; set; }
    public DateOnly? Beslutsdatum { get; set; }

    /// <summary>Fullständig: the ordinary organisation that takes over activity, responsibility and financing.</summary>
    public string? MottagandeOrganisation { get; set; }

    /// <summary>Delad: which parts the home organisations take over, and their shares.</summary>
    public List<ImplementeradDel> Delar { get; init; } = [];

    /// <summary>Professionell: how the methods and ways of working are spread.</summary>
    public string? Spridning { get; set; }

    /// <summary>Strukturell (and the part left with the förbund in Delad): continued financing per year.</summary>
    public List<FortsattFinansiering> FortsattFinansiering { get; init; } = [];

    public IEnumerable<Valideringsfel> Validera()
    {
        for (var i = 0; i < Delar.Count; i++)
        {
            if (Delar[i].Andel is < 0 or > 1)
                yield return new($"{nameof(Delar)}[{i}].Andel", "Andelen anges mellan 0 och 1.");
            if (string.IsNullOrWhiteSpace(Delar[i].Organisation))
                yield return new($"{nameof(Delar)}[{i}].Organisation", "Mottagande organisation saknas.");
        }
        if (Delar.Sum(d => d.Andel) > 1)
            yield return new(nameof(Delar), "Andelarna är tillsammans mer än 100 %.");
        for (var i = 0; i < FortsattFinansiering.Count; i++)
            if (FortsattFinansiering[i].Belopp < 0)
                yield return new($"{nameof(FortsattFinansiering)}[{i}].Belopp", "Beloppet kan inte vara negativt.");
    }
}

public enum Implementeringsalternativ
{
    Fullstandig,
    Delad,
    Professionell,
    Strukturell,
}

public sealed class ImplementeradDel
{
    public required string Beskrivning { get; set; }
    public required string Organisation { get; set; }
    public decimal Andel { get; set; }
}

public sealed class FortsattFinansiering
{
    public int Ar { get; set; }
    public decimal Belopp { get; set; }
    public string? Finansiar { get; set; }
}
