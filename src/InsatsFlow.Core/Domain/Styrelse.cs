namespace InsatsFlow.Core.Domain;

/// <summary>The board for one mandatperiod (FINSAM 10–17 §§): ledamöter and ersättare per medlem.</summary>
public sealed class Styrelse : IValideras
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ForbundId { get; init; }
    public DateOnly MandatperiodFran { get; set; }
    public DateOnly MandatperiodTill { get; set; }
    public List<Styrelseledamot> Ledamoter { get; init; } = [];

    public IEnumerable<Valideringsfel> Validera()
    {
        if (MandatperiodTill <= MandatperiodFran)
            yield return new(nameof(MandatperiodTill), "Mandatperioden måste sluta efter att den börjar.");
        for (var i = 0; i < Ledamoter.Count; i++)
            if (string.IsNullOrWhiteSpace(Ledamoter[i].Namn))
                yield return new($"{nameof(Ledamoter)}[{i}].Namn", "Namn saknas.");
    }
}

public sealed class Styrelseledamot
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string Namn { get; set; }
    public Guid MedlemId { get; set; }
    public Styrelseroll Roll { get; set; }
    public Styrelseuppdrag Uppdrag { get; set; } = Styrelseuppdrag.Inget;
}

public enum Styrelseroll
{
    Ledamot,
    Ersattare,
}

public enum Styrelseuppdrag
{
    Inget,
    Ordforande,
    Vice_ordforande,
}
