namespace InsatsFlow.Core.Domain;

/// <summary>One invalid field: <see cref="Falt"/> is the path a user or API client recognises ("Budgetrader[2].Belopp").</summary>
public sealed record Valideringsfel(string Falt, string Meddelande)
{
    public override string ToString() => $"{Falt}: {Meddelande}";
}

/// <summary>Domain data refused where it enters; nothing is saved.</summary>
public sealed class DomainValidationException(IReadOnlyList<Valideringsfel> fel)
    : Exception("Ogiltiga uppgifter: " + string.Join("; ", fel))
{
    public IReadOnlyList<Valideringsfel> Fel { get; } = fel;

    public static void ThrowIfAny(IReadOnlyList<Valideringsfel> fel)
    {
        if (fel.Count > 0) throw new DomainValidationException(fel);
    }
}

/// <summary>An aggregate that can say what is wrong with itself before it is saved.</summary>
public interface IValideras
{
    IEnumerable<Valideringsfel> Validera();
}
