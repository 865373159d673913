namespace InsatsFlow.Core.Domain;

/// <summary>A board meeting: who was present, the items, the jäv declared per item and the decisions.</summary>
public sealed class Sammantrade : IValideras
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ForbundId { get; init; }
    public DateOnly Datum { get; set; }
    public List<Narvaro> Narvaro { get; init; } = [];
    public List<Arende> Arenden { get; init; } = [];

    public IEnumerable<Valideringsfel> Validera()
    {
        for (var i = 0; i < Arenden.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Arenden[i].Rubrik))
                yield return new($"{nameof(Arenden)}[{i}].Rubrik", "Ärendet saknar rubrik.");
            var paragraf = Arenden[i].Paragraf;
            if (paragraf is <= 0)
                yield return new($"{nameof(Arenden)}[{i}].Paragraf", "Paragrafnumret måste vara ett positivt tal.");
        }
        var dubbla = Arenden.Where(a => a.Paragraf is not null).GroupBy(a => a.Paragraf).FirstOrDefault(g => g.Count() > 1);
        if (dubbla is not null)
            yield return new(nameof(Arenden), $"§ {dubbla.Key} används för flera ärenden.");
    }
}

/// <summary>Presence of one board member at a meeting; an ersättare may serve for a ledamot of the same member (FINSAM 15 §).</summary>
public sealed class Narvaro
{
    public Guid LedamotId { get; set; }
    public bool Narvarande { get; set; }
    public Guid? TjanstgorForLedamotId { get; set; }
}

/// <summary>An item on the meeting's agenda, with its protocol paragraph and any declared jäv (KL 6 kap 28–32 §§).</summary>
public sealed class Arende
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string Rubrik { get; set; }
    public Guid? InsatsId { get; set; }
    public int? Paragraf { get; set; }
    public List<JavAnmalan> Jav { get; init; } = [];
}

public sealed class JavAnmalan
{
    public Guid LedamotId { get; set; }
    public required string Grund { get; set; }
}
