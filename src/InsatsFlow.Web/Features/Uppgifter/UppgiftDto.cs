using InsatsFlow.Engine.Store;

namespace InsatsFlow.Web.Features.Uppgifter;

/// <summary>A user task as the inbox shows it; <see cref="Version"/> is sent back on completion to catch stale pages.</summary>
public sealed record UppgiftDto(
    string Id,
    string Namn,
    string ElementId,
    string InstansId,
    string Process,
    string? Affarsnyckel,
    string? Tilldelad,
    IReadOnlyList<string> Kandidatgrupper,
    IReadOnlyList<string> Kandidatanvandare,
    DateTimeOffset? Forfaller,
    string? FormKey,
    long Version,
    DateTimeOffset Skapad,
    Uppgiftsmedlem? Medlem = null)
{
    /// <param name="medlem">The medlem the task is for (a yttrande, a samråd), from <see cref="Uppgiftsmedlemmar"/>.</param>
    public static UppgiftDto Fran(TaskItem t, Uppgiftsmedlem? medlem = null) => new(
        t.Id, t.Name ?? t.ElementId, t.ElementId, t.InstanceId, t.DefinitionKey, t.BusinessKey, t.Assignee,
        t.CandidateGroupList, t.CandidateUserList, t.DueAt, t.FormKey, t.Version, t.CreatedAt, medlem);
}

/// <param name="Variabler">The form's fields (validated against forms/&lt;formKey&gt;.json).</param>
/// <param name="Version">The task version the page showed; a newer one means someone else acted first.</param>
/// <param name="Skal">Why the kansli completes a member's step on the member's behalf (required then, and journalled).</param>
public sealed record SlutforUppgift(System.Text.Json.JsonElement? Variabler, long? Version, string? Skal = null);
