namespace InsatsFlow.Rules.Evaluation;

/// <summary>The outcome of one rule.</summary>
public enum Utfall
{
    Uppfylld,
    EjUppfylld,
    /// <summary>The rule could not be evaluated (an exception while it ran): it cannot vouch for anything, so it blocks.</summary>
    FelIRegeln,
}

/// <summary>fel blocks the decision; varning informs.</summary>
public enum Allvarlighet
{
    Fel,
    Varning,
}

public static class UtfallText
{
    public static string Text(this Utfall utfall) => utfall switch
    {
        Utfall.Uppfylld => "uppfylld",
        Utfall.EjUppfylld => "ej uppfylld",
        _ => "fel i regeln",
    };

    public static Utfall? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "uppfylld" => Utfall.Uppfylld,
        "ej uppfylld" => Utfall.EjUppfylld,
        "fel i regeln" => Utfall.FelIRegeln,
        _ => null,
    };

    public static string Text(this Allvarlighet allvarlighet) => allvarlighet == Allvarlighet.Fel ? "fel" : "varning";
}
