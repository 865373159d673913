namespace InsatsFlow.Core.Behorighet;

/// <summary>
/// The roles of DESIGN.md "Users". A role is also a candidate group in the workflows
/// (camunda:candidateGroups="beredningsgrupp"), so the names are plain lower-case ASCII.
/// </summary>
public static class Roller
{
    public const string Kansli = "kansli";
    public const string Beredningsgrupp = "beredningsgrupp";
    public const string Styrelse = "styrelse";
    public const string Sokande = "sokande";
    public const string Jurist = "jurist";
    public const string Revisor = "revisor";
    public const string Admin = "admin";

    /// <summary>
    /// The installation's administrator: above every förbund, belonging to none. An Identity role of the account itself,
    /// never a <c>Forbundsroll</c>, so it is not among <see cref="Alla"/> (the roles one has in a förbund) and sees no
    /// förbund's ärenden; it creates förbund and exports them.
    /// </summary>
    public const string Installation = "installation";

    public static readonly IReadOnlyList<string> Alla = [Kansli, Beredningsgrupp, Styrelse, Sokande, Jurist, Revisor, Admin];

    public static string Visningsnamn(string roll) => roll switch
    {
        Kansli => "Kansli",
        Beredningsgrupp => "Beredningsgrupp",
        Styrelse => "Styrelse",
        Sokande => "Sökande",
        Jurist => "Jurist",
        Revisor => "Revisor",
        Admin => "Administratör",
        Installation => "Installationens administratör",
        _ => roll,
    };
}
