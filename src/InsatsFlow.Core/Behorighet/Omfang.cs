namespace InsatsFlow.Core.Behorighet;

/// <summary>
/// What a machine client may do (its scopes, as OAuth names them). A client acts through the roles whose rights
/// match its scopes, so every check that answers a person answers the client the same way.
/// </summary>
public static class Omfang
{
    /// <summary>Read everything the förbund's roles read, change nothing: the revisor's rights.</summary>
    public const string Lasa = "lasa";
    /// <summary>Register insatser, as a sökande does: the client becomes the insats' kontaktperson and its idé task is the client's.</summary>
    public const string RegistreraInsats = "registrera-insats";
    /// <summary>Take, return and complete the tasks that are the client's (by assignment or candidacy).</summary>
    public const string HandlaggaUppgifter = "handlagga-uppgifter";

    public static readonly IReadOnlyList<string> Alla = [Lasa, RegistreraInsats, HandlaggaUppgifter];

    public static string Visningsnamn(string omfang) => omfang switch
    {
        Lasa => "Läsa",
        RegistreraInsats => "Registrera insats",
        HandlaggaUppgifter => "Handlägga uppgifter",
        _ => omfang,
    };

    /// <summary>The roles a client with these scopes acts in.</summary>
    public static IReadOnlyList<string> Roller(IEnumerable<string> omfang)
    {
        var roller = new List<string>();
        foreach (var o in omfang.Distinct())
        {
            if (o == Lasa) roller.Add(Behorighet.Roller.Revisor);
            else if (o == RegistreraInsats) roller.Add(Behorighet.Roller.Sokande);
        }
        return roller;
    }
}
