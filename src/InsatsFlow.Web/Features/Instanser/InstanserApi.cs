using System.Text.Json;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Data;
using Microsoft.EntityFrameworkCore;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Journal;
using InsatsFlow.Engine.Migration;
using InsatsFlow.Engine.Store;
using InsatsFlow.Web.Features.Uppgifter;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using System.Security.Claims;

namespace InsatsFlow.Web.Features.Instanser;

public static class InstanserApi
{
    public static readonly string[] LasandeRoller = [Roller.Kansli, Roller.Admin, Roller.Revisor];
    public static readonly string[] SkrivandeRoller = [Roller.Kansli, Roller.Admin];

    public static RouteGroupBuilder MapInstanserApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/instanser").WithTags("Instanser")
            .RequireAuthorization(p => p.RequireRole(LasandeRoller));
        api.MapGet("/", ListaAsync).WithSummary("Processinstanser, filtrerade på process, affärsnyckel eller pågående");
        api.MapGet("/{id}", HamtaAsync).WithSummary("En instans: status, aktiva element, variabler och öppna uppgifter")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id}/journal", JournalAsync).WithSummary("Instansens journal, post för post")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id}/journal/verifiering", VerifieraAsync).WithSummary("Kontrollera journalens hashkedja; första brutna post")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id}/incidenter", IncidenterAsync).WithSummary("Instansens incidenter (öppna, eller alla med ?alla=true)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id}/incidenter/{incidentId}/forsok-igen", ForsokIgenAsync).WithSummary("Försök steget igen, med rättade variabler om det behövs")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .Accepts<ForsokIgen>("application/json").RequireAuthorization(p => p.RequireRole(SkrivandeRoller));
        api.MapPost("/{id}/migrering/provkorning", ProvkorMigreringAsync).WithSummary("Vad en flytt till en annan version skulle göra (ändrar inget)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Accepts<MigreringIn>("application/json").RequireAuthorization(p => p.RequireRole(SkrivandeRoller));
        api.MapPost("/{id}/migrering", MigreraAsync).WithSummary("Flytta instansen till en annan version")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .Accepts<MigreringIn>("application/json").RequireAuthorization(p => p.RequireRole(SkrivandeRoller));
        return api;
    }

    public static readonly IReadOnlyDictionary<string, Func<InstansRad, object?>> Instanssorteringar = new Dictionary<string, Func<InstansRad, object?>>
    {
        ["startad"] = i => i.Startad, ["process"] = i => i.Process, ["status"] = i => i.Status.ToString(),
    };

    /// <summary>Instances page by page, newest first unless sorted otherwise.</summary>
    public static async Task<Results<Ok<Sidresultat<InstansRad>>, ValidationProblem>> ListaAsync(
        string? process, string? affarsnyckel, bool? pagaende, string? sortering, int? sida, int? antal, ProcessEngine engine, CancellationToken ct)
    {
        var fel = new List<InsatsFlow.Core.Domain.Valideringsfel>();
        var val = Sidindelning.Las(sida, antal, sortering ?? "-startad", [.. Instanssorteringar.Keys], fel);
        if (fel.Count > 0) return ProblemResults.Validering(fel);
        var instanser = await engine.FindInstancesAsync(process, affarsnyckel, pagaende ?? false, ct);
        return TypedResults.Ok(Sidindelning.Dela(instanser.Select(InstansRad.Fran), val, Instanssorteringar, i => i.Id, "/api/instanser", sortering,
            ("process", process), ("affarsnyckel", affarsnyckel), ("pagaende", pagaende == true ? "true" : null)));
    }

    public static async Task<Results<Ok<InstansDto>, ProblemHttpResult>> HamtaAsync(string id, ProcessEngine engine, CancellationToken ct)
    {
        InstanceView vy;
        try { vy = await engine.GetInstanceAsync(id, ct); }
        catch (EngineNotFoundException) { return Saknas(id); }
        var uppgifter = await engine.TasksOfInstanceAsync(id, openOnly: true, ct);
        return TypedResults.Ok(new InstansDto(
            InstansRad.Fran(vy.Instance),
            [.. vy.Tokens.Select(t => new AktivtElement(t.ElementId, t.Status.ToString(), t.IncidentId, t.CalledInstanceId))],
            vy.Variables,
            [.. uppgifter.Select(t => UppgiftDto.Fran(t))]));
    }

    public static readonly IReadOnlyDictionary<string, Func<JournalPost, object?>> Journalsorteringar = new Dictionary<string, Func<JournalPost, object?>>
    {
        ["nummer"] = p => p.Nummer, ["tid"] = p => p.Tid,
    };

    /// <summary>The journal page by page, in its own order (the hash chain's) unless sorted otherwise; filtered on what happened and who did it.</summary>
    public static async Task<Results<Ok<Sidresultat<JournalPost>>, ValidationProblem, ProblemHttpResult>> JournalAsync(
        string id, string? handelse, string? anvandare, string? sortering, int? sida, int? antal, ProcessEngine engine, InsatsFlowDbContext db, CancellationToken ct)
    {
        var fel = new List<InsatsFlow.Core.Domain.Valideringsfel>();
        var val = Sidindelning.Las(sida, antal, sortering, [.. Journalsorteringar.Keys], fel);
        if (fel.Count > 0) return ProblemResults.Validering(fel);
        if (!await FinnsAsync(db, id, ct)) return Saknas(id);
        var poster = (await engine.JournalAsync(id, ct)).Select(JournalPost.Fran)
            .Where(p => (handelse is not { Length: > 0 } || p.Handelse == handelse) && (anvandare is not { Length: > 0 } || p.Anvandare == anvandare));
        return TypedResults.Ok(Sidindelning.Dela(poster, val, Journalsorteringar, p => p.Nummer, $"/api/instanser/{Uri.EscapeDataString(id)}/journal", sortering,
            ("handelse", handelse), ("anvandare", anvandare)));
    }

    public static async Task<Results<Ok<Journalverifiering>, ProblemHttpResult>> VerifieraAsync(string id, ProcessEngine engine, CancellationToken ct)
    {
        try { return TypedResults.Ok(Journalverifiering.Fran(await engine.VerifyJournalAsync(id, ct))); }
        catch (EngineNotFoundException) { return Saknas(id); }
    }

    public static async Task<Results<Ok<List<IncidentDto>>, ProblemHttpResult>> IncidenterAsync(string id, bool? alla, ProcessEngine engine, InsatsFlowDbContext db, CancellationToken ct)
    {
        if (!await FinnsAsync(db, id, ct)) return Saknas(id);
        return TypedResults.Ok((await engine.IncidentsAsync(id, openOnly: alla != true, ct)).OrderBy(i => i.CreatedAt).Select(IncidentDto.Fran).ToList());
    }

    public static async Task<Results<Ok<CommandResult>, ValidationProblem, ProblemHttpResult>> ForsokIgenAsync(
        string id, string incidentId, HttpRequest request, ProcessEngine engine, InsatsFlowDbContext db, ClaimsPrincipal user,
        [FromHeader(Name = "x-requestid")] string? requestId, CancellationToken ct)
    {
        if (!await FinnsAsync(db, id, ct)) return Saknas(id);
        var (body, problem) = await JsonIndata.LasAsync(request, ct, new ForsokIgen(), tomTillaten: true);
        if (problem is not null) return problem;
        var incident = (await engine.IncidentsAsync(id, openOnly: false, ct)).FirstOrDefault(i => i.Id == incidentId);
        if (incident is null) return ProblemResults.SaknasProblem($"Instansen {id} har ingen incident {incidentId}.");
        var variabler = body!.Variabler?.ToDictionary(v => v.Key, v => (object?)v.Value);
        try
        {
            return TypedResults.Ok(await engine.RetryIncidentAsync(incidentId, variabler, user.Identity?.Name, requestId, ct));
        }
        catch (EngineException e) { return ProblemResults.FranMotorn(e); }
    }

    public static async Task<Results<Ok<MigrationPlan>, ValidationProblem, ProblemHttpResult>> ProvkorMigreringAsync(
        string id, HttpRequest request, ProcessEngine engine, InsatsFlowDbContext db, CancellationToken ct)
    {
        var (body, problem) = await LasMigreringAsync(id, request, db, ct);
        if (problem is not null) return problem;
        if (body is null) return Saknas(id);
        try { return TypedResults.Ok(await engine.PlanMigrationAsync(id, body.MalDefinition, body.Mappning, ct)); }
        catch (EngineNotFoundException e) { return ProblemResults.Falt("malDefinition", e.Message); }
        catch (EngineException e) { return ProblemResults.FranMotorn(e); }
    }

    public static async Task<Results<Ok<CommandResult>, ValidationProblem, ProblemHttpResult>> MigreraAsync(
        string id, HttpRequest request, ProcessEngine engine, InsatsFlowDbContext db, ClaimsPrincipal user,
        [FromHeader(Name = "x-requestid")] string? requestId, CancellationToken ct)
    {
        var (body, problem) = await LasMigreringAsync(id, request, db, ct);
        if (problem is not null) return problem;
        if (body is null) return Saknas(id);
        var plan = await engine.PlanMigrationAsync(id, body.MalDefinition, body.Mappning, ct);
        if (!plan.Valid)
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["mappning"] = [.. plan.Problems] },
                title: $"Instansen kan inte flyttas till {body.MalDefinition}; inget har ändrats.",
                extensions: new Dictionary<string, object?> { ["plan"] = plan });
        try { return TypedResults.Ok(await engine.MigrateAsync(id, body.MalDefinition, body.Mappning, user.Identity?.Name, requestId, ct)); }
        catch (EngineException e) { return ProblemResults.FranMotorn(e); }
    }

    /// <summary>Reads the body and checks the target exists, so an unknown target is a 400 naming malDefinition.</summary>
    private static async Task<(MigreringIn? Body, ValidationProblem? Problem)> LasMigreringAsync(string id, HttpRequest request, InsatsFlowDbContext db, CancellationToken ct)
    {
        if (!await FinnsAsync(db, id, ct)) return (null, null);
        var (body, problem) = await JsonIndata.LasAsync<MigreringIn>(request, ct);
        if (problem is not null) return (null, problem);
        if (string.IsNullOrWhiteSpace(body!.MalDefinition))
            return (null, ProblemResults.Falt("malDefinition", "Ange versionen att flytta till, t.ex. \"insats-livscykel:2\"."));
        if (!await db.Set<ProcessDefinition>().AsNoTracking().AnyAsync(d => d.Id == body.MalDefinition, ct))
            return (null, ProblemResults.Falt("malDefinition", $"Versionen {body.MalDefinition} finns inte."));
        return (body, null);
    }

    private static Task<bool> FinnsAsync(InsatsFlowDbContext db, string id, CancellationToken ct) =>
        db.Set<ProcessInstance>().AsNoTracking().AnyAsync(i => i.Id == id, ct);

    private static ProblemHttpResult Saknas(string id) => ProblemResults.SaknasProblem($"Instansen {id} finns inte.");
}

public sealed record InstansRad(
    string Id, string Definition, string Process, int Version, string? Affarsnyckel, InstanceStatus Status,
    DateTimeOffset Startad, DateTimeOffset? Avslutad, string? StartadAv, string? Foralder)
{
    public static InstansRad Fran(ProcessInstance i) => new(
        i.Id, i.DefinitionId, i.DefinitionKey, i.DefinitionVersion, i.BusinessKey, i.Status, i.StartedAt, i.EndedAt, i.StartedBy, i.ParentInstanceId);
}

/// <summary>Where a token stands: Waiting at a task or event, or Incident when the step failed.</summary>
public sealed record AktivtElement(string ElementId, string Status, string? Incident, string? AnropadInstans);

public sealed record InstansDto(InstansRad Instans, IReadOnlyList<AktivtElement> AktivaElement, IReadOnlyDictionary<string, object?> Variabler, IReadOnlyList<UppgiftDto> OppnaUppgifter);

public sealed record JournalPost(long Nummer, DateTimeOffset Tid, string? ElementId, string Handelse, string? Anvandare, JsonElement Data, string Hash)
{
    public static JournalPost Fran(JournalEntry e)
    {
        using var data = JsonDocument.Parse(string.IsNullOrWhiteSpace(e.Payload) ? "{}" : e.Payload);
        return new(e.Sequence, e.At, e.ElementId, e.Event, e.UserId, data.RootElement.Clone(), e.Hash);
    }
}

/// <summary>The journal's hash chain checked: intact, or the first entry that was changed or removed and why.</summary>
public sealed record Journalverifiering(bool Obruten, int Poster, long? ForstaBrutnaPost, string? Problem)
{
    public static Journalverifiering Fran(JournalVerification v) => new(v.Intact, v.Entries, v.FirstBrokenSequence, v.Problem);
}

/// <summary>A step that could not go on; Atgardad is set once a retry has moved past it.</summary>
public sealed record IncidentDto(string Id, string ElementId, string Meddelande, DateTimeOffset Uppstod, DateTimeOffset? Atgardad)
{
    public static IncidentDto Fran(Incident i) => new(i.Id, i.ElementId, i.Message, i.CreatedAt, i.ResolvedAt);
}

/// <param name="Variabler">Variables to set before the step runs again (to correct what made it fail).</param>
public sealed record ForsokIgen(Dictionary<string, JsonElement>? Variabler = null);

/// <param name="MalDefinition">The version to move to, "key:version".</param>
/// <param name="Mappning">Active element in the old version → element in the new, where the ids differ.</param>
public sealed record MigreringIn(string MalDefinition, Dictionary<string, string>? Mappning = null);
