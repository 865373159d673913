namespace InsatsFlow.Web.Features.Insatser;

/// <summary>The engine's journal events as a timeline reads them.</summary>
public static class Handelsetext
{
    public static string Text(string handelse) => handelse switch
    {
        "instance-started" => "Processen startade",
        "instance-completed" => "Processen avslutades",
        "instance-cancelled" => "Processen avbröts",
        "instance-migrated" => "Flyttad till ny version",
        "element-entered" => "Steget påbörjades",
        "task-created" => "Uppgift skapad",
        "task-claimed" => "Uppgiften togs",
        "task-unclaimed" => "Uppgiften lämnades tillbaka",
        "task-completed" => "Uppgiften slutfördes",
        "service-completed" => "Automatiskt steg klart",
        "decision-evaluated" => "Regelprövning",
        "timer-fired" => "Tidsfrist löpte ut",
        "boundary-triggered" => "Påminnelse eller eskalering",
        "message-correlated" => "Meddelande mottaget",
        "error-thrown" => "Fel signalerat",
        "incident-raised" => "Incident: steget misslyckades",
        "incident-resolved" => "Incidenten löstes",
        "token-cancelled" => "Steget avbröts",
        _ => handelse,
    };

    /// <summary>Events worth a line on the insats's timeline (the rest stays in the full journal).</summary>
    public static bool ArMilstolpe(string handelse) => handelse is not ("element-entered" or "token-cancelled");
}
