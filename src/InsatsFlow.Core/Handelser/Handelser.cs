using InsatsFlow.Core.Domain;
using InsatsFlow.Engine.Store;

namespace InsatsFlow.Core.Handelser;

/// <summary>What each event tells: the fields of its data, from the row that changed. Ids are the API's ids.</summary>
public static class Handelser
{
    public static NyHandelse InsatsRegistrerad(Insats i, DateTimeOffset nu) => new(Handelsetyp.InsatsRegistrerad, i.ForbundId, nu, new Dictionary<string, object?>
    {
        ["insatsId"] = i.Id, ["diarienummer"] = i.Diarienummer, ["titel"] = i.Titel, ["sokandeOrganisation"] = i.SokandeOrganisation, ["fas"] = i.Fas.ToString(),
    });

    public static NyHandelse InsatsFasAndrad(Insats i, InsatsFas fran, DateTimeOffset nu) => new(Handelsetyp.InsatsFasAndrad, i.ForbundId, nu, new Dictionary<string, object?>
    {
        ["insatsId"] = i.Id, ["diarienummer"] = i.Diarienummer, ["franFas"] = fran.ToString(), ["fas"] = i.Fas.ToString(), ["fasnamn"] = i.Fas.Visningsnamn(),
    });

    public static NyHandelse UppgiftSkapad(TaskItem t, Guid forbundId, DateTimeOffset nu) => new(Handelsetyp.UppgiftSkapad, forbundId, nu, Uppgift(t));

    public static NyHandelse UppgiftSlutford(TaskItem t, Guid forbundId, DateTimeOffset nu) =>
        new(Handelsetyp.UppgiftSlutford, forbundId, nu, new Dictionary<string, object?>(Uppgift(t)) { ["slutford"] = t.CompletedAt, ["slutfordAv"] = t.CompletedBy });

    public static NyHandelse TidsfristPasserad(TaskItem t, Guid forbundId, DateTimeOffset frist, DateTimeOffset nu) =>
        new(Handelsetyp.TidsfristPasserad, forbundId, nu, new Dictionary<string, object?>(Uppgift(t)) { ["frist"] = frist.ToUniversalTime() });

    public static NyHandelse BeslutFattat(Beslut b, Insats i, DateTimeOffset nu) => new(Handelsetyp.BeslutFattat, i.ForbundId, nu, new Dictionary<string, object?>
    {
        ["beslutId"] = b.Id, ["insatsId"] = b.InsatsId, ["diarienummer"] = i.Diarienummer, ["beslut"] = b.Typ.ToString(),
        ["datum"] = b.Datum, ["paragraf"] = b.Paragraf, ["beviljatBelopp"] = b.BeviljatBelopp,
    });

    public static NyHandelse IncidentOppnad(Incident x, string? arende, Guid forbundId, DateTimeOffset nu) => new(Handelsetyp.IncidentOppnad, forbundId, nu, new Dictionary<string, object?>
    {
        ["incidentId"] = x.Id, ["instansId"] = x.InstanceId, ["elementId"] = x.ElementId, ["arende"] = arende, ["meddelande"] = x.Message,
    });

    private static Dictionary<string, object?> Uppgift(TaskItem t) => new()
    {
        ["uppgiftId"] = t.Id, ["namn"] = t.Name ?? t.ElementId, ["elementId"] = t.ElementId, ["instansId"] = t.InstanceId,
        ["process"] = t.DefinitionKey, ["arende"] = t.BusinessKey, ["tilldelad"] = t.Assignee, ["frist"] = t.DueAt?.ToUniversalTime(),
    };
}
