namespace InsatsFlow.Core.Handelser;

/// <summary>The events other systems may subscribe to (issue 17), by their stable names on the wire.</summary>
public static class Handelsetyp
{
    public const string InsatsRegistrerad = "insats.registrerad";
    public const string InsatsFasAndrad = "insats.fas-andrad";
    public const string UppgiftSkapad = "uppgift.skapad";
    public const string UppgiftSlutford = "uppgift.slutford";
    public const string BeslutFattat = "beslut.fattat";
    public const string TidsfristPasserad = "tidsfrist.passerad";
    public const string IncidentOppnad = "incident.oppnad";

    public static readonly IReadOnlyList<string> Alla =
        [InsatsRegistrerad, InsatsFasAndrad, UppgiftSkapad, UppgiftSlutford, BeslutFattat, TidsfristPasserad, IncidentOppnad];

    public static string Beskrivning(string typ) => typ switch
    {
        InsatsRegistrerad => "En insats har registrerats",
        InsatsFasAndrad => "En insats har bytt fas",
        UppgiftSkapad => "En uppgift har skapats",
        UppgiftSlutford => "En uppgift har slutförts",
        BeslutFattat => "Ett beslut har fattats",
        TidsfristPasserad => "En uppgifts tidsfrist har passerats",
        IncidentOppnad => "En incident har öppnats i en process",
        _ => typ,
    };
}
