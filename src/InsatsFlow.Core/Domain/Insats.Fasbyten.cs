namespace InsatsFlow.Core.Domain;

/// <summary>When the insats entered each phase, for lead times and phases over time (the fas handler writes them).</summary>
public sealed partial class Insats
{
    public List<Fasbyte> Fasbyten { get; init; } = [];

    /// <summary>Sets the phase and records when, unless the insats already stands there.</summary>
    public void BytFas(InsatsFas fas, DateTimeOffset tidpunkt)
    {
        if (Fas != fas || Fasbyten.Count == 0) Fasbyten.Add(new Fasbyte { Fas = fas, Tidpunkt = tidpunkt.ToUniversalTime() });
        Fas = fas;
    }
}

public sealed class Fasbyte
{
    public InsatsFas Fas { get; set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset Tidpunkt { get; set; }
}
