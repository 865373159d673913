using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Data;
using InsatsFlow.Data.Arbetsfloden;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Parsing;
using InsatsFlow.Engine.Store;
using InsatsFlow.Simulering;
using InsatsFlow.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Web.Features.Arbetsfloden;

public static class ArbetsflodenApi
{
    public static readonly string[] LasandeRoller = [Roller.Kansli, Roller.Admin, Roller.Jurist, Roller.Revisor];
    public static readonly string[] SkrivandeRoller = [Roller.Kansli, Roller.Admin];

    public static RouteGroupBuilder MapArbetsflodenApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/arbetsfloden").WithTags("Arbetsflöden")
            .RequireAuthorization(p => p.RequireRole(LasandeRoller));
        api.MapGet("/", ListaAsync).WithSummary("Alla arbetsflöden med versioner och senaste version");
        api.MapGet("/processer/{nyckel}/versioner", VersionerAsync).WithSummary("Ett arbetsflödes publicerade versioner")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/processer/{nyckel}/versioner/{version:int}/xml", XmlAsync).WithSummary("BPMN-filen för en version")
            .Produces<string>(StatusCodes.Status200OK, "application/xml")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/processer/{nyckel}/diff", DiffAsync).WithSummary("Vad som ändrats mellan två versioner, element för element")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/validera", ValideraAsync).WithSummary("Validera en BPMN-text utan att spara den")
            .Accepts<UtkastIn>("application/json", "application/xml", "text/xml");
        api.MapGet("/utkast", UtkastAsync).WithSummary("Sparade utkast");
        api.MapGet("/utkast/{id:guid}", UtkastetAsync).WithSummary("Ett utkast med dess BPMN-text")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/utkast", SkapaUtkastAsync).WithSummary("Spara ett nytt utkast (XML eller JSON {xml})")
            .Accepts<UtkastIn>("application/json", "application/xml", "text/xml").RequireAuthorization(p => p.RequireRole(SkrivandeRoller));
        api.MapPut("/utkast/{id:guid}", SparaUtkastAsync).WithSummary("Spara om ett utkast (JSON {xml, version} skyddar mot att skriva över någon annans ändring)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .Accepts<UtkastIn>("application/json", "application/xml", "text/xml").RequireAuthorization(p => p.RequireRole(SkrivandeRoller));
        api.MapPost("/utkast/{id:guid}/validera", ValideraUtkastAsync).WithSummary("Validera ett sparat utkast")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/utkast/{id:guid}/publicera", PubliceraAsync).WithSummary("Publicera utkastet: ny version om innehållet ändrats, annars samma")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(p => p.RequireRole(SkrivandeRoller));
        api.MapPost("/provkorning", ProvkorAsync)
            .WithSummary("Provkör ett opublicerat utkast mot syntetiska insatser på kastbar data (inget publiceras, databasen ändras inte)")
            .Accepts<UtkastIn>("application/json", "application/xml", "text/xml")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    /// <summary>
    /// "Provkör utkastet": the draft (XML, or JSON {xml}) runs against <paramref name="antal"/> synthetic insatser on a
    /// throw-away SQLite file. Only those who may design may run it; a bad draft is refused naming its elements.
    /// </summary>
    public static async Task<Results<Ok<Provkorningsresultat>, ValidationProblem, ProblemHttpResult>> ProvkorAsync(
        HttpRequest request, ClaimsPrincipal user, Provkorning provkorning, CancellationToken ct, int antal = 10, int fro = 2026)
    {
        if (Behorighetskontroll.Designa(user.Person()) is { Tillats: false } nej) return ProblemResults.Forbjuden(nej.Nekande!);
        if (antal < 1 || antal > provkorning.Granser.MaxInsatser)
            return ProblemResults.Falt("antal", $"Antalet insatser ska vara mellan 1 och {provkorning.Granser.MaxInsatser}.");
        var (body, problem) = await BpmnBody.LasAsync(request, ct);
        if (problem is not null) return problem;
        try
        {
            var resultat = await provkorning.ForsokKoraAsync(body!.Xml, antal, fro, ct);
            if (resultat is null)
                return ProblemResults.Problem(StatusCodes.Status429TooManyRequests, "En provkörning pågår redan.", "Försök igen om en stund.");
            return TypedResults.Ok(resultat);
        }
        catch (ProvkorningNekad e)
        {
            return e.Problem.Count > 0 ? InnehallsProblem.Bpmn(e.Problem, e.Message) : ProblemResults.Falt("xml", e.Message);
        }
    }

    public static async Task<Ok<List<ArbetsflodeDto>>> ListaAsync(InsatsFlowDbContext db, CancellationToken ct)
    {
        var versioner = await Definitioner(db).ToListAsync(ct);
        return TypedResults.Ok(versioner.GroupBy(d => d.Key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var senaste = g.MaxBy(d => d.Version)!;
            return new ArbetsflodeDto(g.Key, senaste.Name, [.. g.Select(d => d.Version).Order()], VersionDto.Fran(senaste));
        }).ToList());
    }

    public static async Task<Results<Ok<List<VersionDto>>, ProblemHttpResult>> VersionerAsync(string nyckel, InsatsFlowDbContext db, CancellationToken ct)
    {
        var versioner = await Definitioner(db).Where(d => d.Key == nyckel).OrderBy(d => d.Version).ToListAsync(ct);
        if (versioner.Count == 0) return ProblemResults.SaknasProblem($"Arbetsflödet {nyckel} finns inte.");
        return TypedResults.Ok(versioner.Select(VersionDto.Fran).ToList());
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> XmlAsync(string nyckel, int version, InsatsFlowDbContext db, CancellationToken ct)
    {
        var definition = await Definitioner(db).FirstOrDefaultAsync(d => d.Key == nyckel && d.Version == version, ct);
        if (definition is null) return ProblemResults.SaknasProblem($"Arbetsflödet {nyckel} har ingen version {version}.");
        return TypedResults.File(Encoding.UTF8.GetBytes(definition.Xml), "application/xml", $"{nyckel}-v{version}.bpmn");
    }

    public static async Task<Results<Ok<ArbetsflodesDiff>, ValidationProblem, ProblemHttpResult>> DiffAsync(
        string nyckel, int? fran, int? till, InsatsFlowDbContext db, CancellationToken ct)
    {
        if (fran is null) return ProblemResults.Falt("fran", "Ange versionen att jämföra från (?fran=1&till=2).");
        if (till is null) return ProblemResults.Falt("till", "Ange versionen att jämföra med (?fran=1&till=2).");
        var versioner = await Definitioner(db).Where(d => d.Key == nyckel && (d.Version == fran || d.Version == till)).ToListAsync(ct);
        if (versioner.Count == 0) return ProblemResults.SaknasProblem($"Arbetsflödet {nyckel} finns inte.");
        var a = versioner.FirstOrDefault(d => d.Version == fran);
        var b = versioner.FirstOrDefault(d => d.Version == till);
        if (a is null) return ProblemResults.Falt("fran", $"Arbetsflödet {nyckel} har ingen version {fran}.");
        if (b is null) return ProblemResults.Falt("till", $"Arbetsflödet {nyckel} har ingen version {till}.");
        return TypedResults.Ok(BpmnDiff.Jamfor(a.Xml, b.Xml, a.Id, b.Id));
    }

    public static async Task<Results<Ok<Valideringsresultat>, ValidationProblem>> ValideraAsync(
        HttpRequest request, DefinitionRegistry registry, CancellationToken ct)
    {
        var (body, problem) = await BpmnBody.LasAsync(request, ct);
        if (problem is not null) return problem;
        return TypedResults.Ok(Validera(body!.Xml, registry));
    }

    public static async Task<Ok<List<UtkastDto>>> UtkastAsync(InsatsFlowDbContext db, CancellationToken ct)
    {
        var utkast = await db.Set<Arbetsflodesutkast>().AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(utkast.OrderByDescending(u => u.SparadUtc).Select(UtkastDto.Fran).ToList());
    }

    public static async Task<Results<Ok<UtkastMedXml>, ProblemHttpResult>> UtkastetAsync(Guid id, InsatsFlowDbContext db, CancellationToken ct)
    {
        var utkast = await db.Set<Arbetsflodesutkast>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (utkast is null) return ProblemResults.SaknasProblem($"Utkastet {id} finns inte.");
        return TypedResults.Ok(new UtkastMedXml(UtkastDto.Fran(utkast), utkast.Xml));
    }

    /// <summary>x-requestid makes the creation idempotent: the same request id names the same draft.</summary>
    public static async Task<Results<Created<UtkastDto>, Ok<UtkastDto>, ValidationProblem>> SkapaUtkastAsync(
        HttpRequest request, InsatsFlowDbContext db, TimeProvider time, ClaimsPrincipal user,
        [FromHeader(Name = "x-requestid")] string? requestId, CancellationToken ct)
    {
        var (body, problem) = await BpmnBody.LasAsync(request, ct);
        if (problem is not null) return problem;
        var id = requestId is null ? Guid.CreateVersion7(time.GetUtcNow()) : IdFranBegaran(requestId);
        if (await db.Set<Arbetsflodesutkast>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) is { } redan)
            return TypedResults.Ok(UtkastDto.Fran(redan));
        var utkast = new Arbetsflodesutkast
        {
            Id = id, Xml = body!.Xml, ProcessNyckel = body.ProcessNyckel, Namn = body.Namn,
            SparadAv = user.Identity?.Name ?? "", SparadUtc = time.GetUtcNow().UtcDateTime, Version = 1,
        };
        db.Add(utkast);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/arbetsfloden/utkast/{id}", UtkastDto.Fran(utkast));
    }

    public static async Task<Results<Ok<UtkastDto>, ValidationProblem, ProblemHttpResult>> SparaUtkastAsync(
        Guid id, HttpRequest request, InsatsFlowDbContext db, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var utkast = await db.Set<Arbetsflodesutkast>().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (utkast is null) return ProblemResults.SaknasProblem($"Utkastet {id} finns inte.");
        var (body, problem) = await BpmnBody.LasAsync(request, ct);
        if (problem is not null) return problem;
        if (body!.Version is { } version && version != utkast.Version)
            return Krock(utkast, version);
        if (utkast.Xml == body.Xml) return TypedResults.Ok(UtkastDto.Fran(utkast));
        utkast.Xml = body.Xml;
        utkast.ProcessNyckel = body.ProcessNyckel;
        utkast.Namn = body.Namn;
        utkast.SparadAv = user.Identity?.Name ?? "";
        utkast.SparadUtc = time.GetUtcNow().UtcDateTime;
        utkast.Version++;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Krock(utkast, utkast.Version - 1); }
        return TypedResults.Ok(UtkastDto.Fran(utkast));
    }

    public static async Task<Results<Ok<Valideringsresultat>, ProblemHttpResult>> ValideraUtkastAsync(
        Guid id, InsatsFlowDbContext db, DefinitionRegistry registry, CancellationToken ct)
    {
        var utkast = await db.Set<Arbetsflodesutkast>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (utkast is null) return ProblemResults.SaknasProblem($"Utkastet {id} finns inte.");
        return TypedResults.Ok(Validera(utkast.Xml, registry));
    }

    /// <summary>Deploys the draft. Deploying is idempotent by content, so a repeated publish returns the same version.</summary>
    public static async Task<Results<Ok<Publicering>, ValidationProblem, ProblemHttpResult>> PubliceraAsync(
        Guid id, InsatsFlowDbContext db, ProcessEngine engine, CancellationToken ct)
    {
        var utkast = await db.Set<Arbetsflodesutkast>().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (utkast is null) return ProblemResults.SaknasProblem($"Utkastet {id} finns inte.");
        DeploymentResult resultat;
        try
        {
            resultat = await engine.DeployAsync(utkast.Xml, (utkast.ProcessNyckel ?? "utkast") + ".bpmn", ct);
        }
        catch (BpmnValidationException e) { return InnehallsProblem.Bpmn(e.Problems, "Utkastet kan inte publiceras; inga versioner har ändrats."); }
        catch (EngineException e) { return ProblemResults.FranMotorn(e); }
        utkast.PubliceradSom = string.Join(", ", resultat.Definitions.Select(d => d.Id));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new Publicering(utkast.Id, [.. resultat.Definitions.Select(d => new PubliceradVersion(d.Id, d.Key, d.Version, d.IsNew))]));
    }

    private static Valideringsresultat Validera(string xml, DefinitionRegistry registry)
    {
        try
        {
            var processer = BpmnParser.Parse(xml, null, registry.Host);
            return new Valideringsresultat(true, [.. processer.Select(p => p.Key)], []);
        }
        catch (BpmnValidationException e)
        {
            return new Valideringsresultat(false, [], [.. e.Problems.Select(p => new BpmnProblemDto(p.ElementId, p.Line, p.Message))]);
        }
        catch (EngineException e)
        {
            return new Valideringsresultat(false, [], [new BpmnProblemDto(null, 0, e.Message)]);
        }
    }

    private static ProblemHttpResult Krock(Arbetsflodesutkast utkast, long version) =>
        ProblemResults.Problem(StatusCodes.Status409Conflict, "Någon annan hann före.",
            $"Utkastet har sparats av {utkast.SparadAv} sedan du öppnade det (din version {version}, nu {utkast.Version}). Ladda om utkastet.");

    private static Guid IdFranBegaran(string requestId) =>
        Guid.TryParse(requestId, out var guid) ? guid : new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(requestId)).AsSpan(0, 16));

    private static IQueryable<ProcessDefinition> Definitioner(InsatsFlowDbContext db) => db.Set<ProcessDefinition>().AsNoTracking();
}

/// <summary>The JSON form of a BPMN upload; the XML may also be sent as the body itself.</summary>
public sealed record UtkastIn(string Xml, long? Version);

public sealed record ArbetsflodeDto(string Nyckel, string? Namn, IReadOnlyList<int> Versioner, VersionDto Senaste);

public sealed record VersionDto(string Id, string Nyckel, int Version, string? Namn, DateTimeOffset Publicerad, string? Fil, string Sha256)
{
    public static VersionDto Fran(ProcessDefinition d) => new(d.Id, d.Key, d.Version, d.Name, d.DeployedAt, d.ResourceName, d.ContentHash);
}

public sealed record UtkastDto(Guid Id, string? ProcessNyckel, string? Namn, string SparadAv, DateTime SparadUtc, string? PubliceradSom, long Version)
{
    public static UtkastDto Fran(Arbetsflodesutkast u) => new(u.Id, u.ProcessNyckel, u.Namn, u.SparadAv, u.SparadUtc, u.PubliceradSom, u.Version);
}

public sealed record UtkastMedXml(UtkastDto Utkast, string Xml);

/// <summary>Every problem the engine finds, each with its element id and line; valid means it can be published.</summary>
public sealed record Valideringsresultat(bool Giltig, IReadOnlyList<string> Processer, IReadOnlyList<BpmnProblemDto> Problem);

public sealed record Publicering(Guid Utkast, IReadOnlyList<PubliceradVersion> Versioner);

/// <summary>Ny is false when the content equalled the latest version, which then stays the latest.</summary>
public sealed record PubliceradVersion(string Id, string Nyckel, int Version, bool Ny);
