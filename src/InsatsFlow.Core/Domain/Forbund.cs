namespace InsatsFlow.Core.Domain;

/// <summary>A samordningsförbund (FINSAM 3 §): a legal entity whose members fund coordinated rehabilitation.</summary>
public sealed class Forbund : IValideras
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string Namn { get; set; }

    /// <summary>Swedish organisationsnummer, NNNNNN-NNNN.</summary>
    public required string Organisationsnummer { get; set; }

    public List<Medlem> Medlemmar { get; init; } = [];

    public Medlem LaggTillMedlem(string namn, MedlemsTyp typ)
    {
        var medlem = new Medlem { ForbundId = Id, Namn = namn, Typ = typ };
        Medlemmar.Add(medlem);
        return medlem;
    }

    public IEnumerable<Valideringsfel> Validera()
    {
        if (string.IsNullOrWhiteSpace(Namn)) yield return new(nameof(Namn), "Namn saknas.");
        if (!Organisationsnummerformat.ArGiltigt(Organisationsnummer))
            yield return new(nameof(Organisationsnummer), "Organisationsnumret ska skrivas NNNNNN-NNNN.");
        for (var i = 0; i < Medlemmar.Count; i++)
            if (string.IsNullOrWhiteSpace(Medlemmar[i].Namn))
                yield return new($"{nameof(Medlemmar)}[{i}].Namn", "Medlemmens namn saknas.");
    }
}

internal static class Organisationsnummerformat
{
    public static bool ArGiltigt(string? nummer) =>
        nummer is { Length: 11 } && nummer[6] == '-' && nummer.Remove(6, 1).All(char.IsAsciiDigit);
}
