using System.Globalization;
using InsatsFlow.Core.Kalender;
using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Engine.Store;

namespace InsatsFlow.Core.Schemalaggning;

/// <summary>Who a step of the default chain reaches, and what it says.</summary>
public static class Fristmeddelande
{
    public static string Stegnamn(Friststeg steg) => steg switch
    {
        Friststeg.PaminnelseFore => "paminnelse-fore",
        Friststeg.PaminnelsePaFristen => "paminnelse",
        _ => "eskalering",
    };

    /// <summary>A reminder goes to the assignee, or else every candidate; the escalation to the förbundschef.</summary>
    public static IReadOnlyList<Mottagare> Mottagare(TaskItem uppgift, Friststeg steg, FristpolicyOptions policy)
    {
        if (steg == Friststeg.Eskalering) return [Mottagarval.Tolka(policy.Forbundschef)!];
        if (uppgift.Assignee is { } tilldelad) return [Notifieringar.Mottagare.Anvandare(tilldelad)];
        return [.. uppgift.CandidateUserList.Select(Notifieringar.Mottagare.Anvandare), .. uppgift.CandidateGroupList.Select(Notifieringar.Mottagare.Grupp)];
    }

    public static NyNotifiering Skriv(TaskItem uppgift, Friststeg steg, DateTimeOffset fristen, Mottagare mottagare, string nyckel)
    {
        var namn = uppgift.Name ?? uppgift.ElementId;
        var frist = TimeZoneInfo.ConvertTime(fristen, SvenskaArbetsdagar.Stockholm).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var (amne, text) = steg switch
        {
            Friststeg.PaminnelseFore => ($"Påminnelse: {namn} ska vara klar {frist}",
                $"Uppgiften {namn}{Arende(uppgift)} ska vara klar senast {frist}."),
            Friststeg.PaminnelsePaFristen => ($"Tidsfristen går ut i dag: {namn}",
                $"Tidsfristen för uppgiften {namn}{Arende(uppgift)} går ut {frist}."),
            _ => ($"Eskalering: {namn} är försenad",
                $"Uppgiften {namn}{Arende(uppgift)} skulle ha varit klar {frist} och är fortfarande öppen ({TilldeladText(uppgift)})."),
        };
        return new NyNotifiering(mottagare, Kanal.Epost, amne, text, null, nyckel, uppgift.InstanceId);
    }

    private static string Arende(TaskItem uppgift) => uppgift.BusinessKey is { } nyckel ? $" i ärendet {nyckel}" : "";

    private static string TilldeladText(TaskItem uppgift) => uppgift.Assignee is { } a ? $"tilldelad {a}"
        : $"kandidater: {string.Join(", ", uppgift.CandidateUserList.Concat(uppgift.CandidateGroupList))}";
}
