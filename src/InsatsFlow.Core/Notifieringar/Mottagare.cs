namespace InsatsFlow.Core.Notifieringar;

public enum Mottagartyp
{
    Anvandare,
    Grupp,
}

/// <summary>Who is to be told: a user, or a group/role (for example a task's candidate group or "forbundschef").</summary>
public sealed record Mottagare(Mottagartyp Typ, string Id)
{
    public static Mottagare Anvandare(string id) => new(Mottagartyp.Anvandare, id);

    public static Mottagare Grupp(string id) => new(Mottagartyp.Grupp, id);

    public override string ToString() => Typ == Mottagartyp.Grupp ? $"gruppen {Id}" : Id;
}
