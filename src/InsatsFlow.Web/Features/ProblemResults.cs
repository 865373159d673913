using InsatsFlow.Core.Domain;
using InsatsFlow.Engine;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InsatsFlow.Web.Features;

/// <summary>Errors as ProblemDetails with Swedish text; validation problems list each field.</summary>
public static class ProblemResults
{
    public static ProblemHttpResult Problem(int status, string titel, string? detalj = null) =>
        TypedResults.Problem(detail: detalj, statusCode: status, title: titel);

    public static ValidationProblem Validering(IEnumerable<Valideringsfel> fel, string titel = "Uppgifterna är inte giltiga.") =>
        TypedResults.ValidationProblem(
            fel.GroupBy(f => f.Falt).ToDictionary(g => g.Key, g => g.Select(f => f.Meddelande).ToArray()),
            title: titel);

    public static ValidationProblem Falt(string falt, string meddelande) => Validering([new(falt, meddelande)]);

    /// <summary>The engine's refusals as HTTP: conflict 409, missing 404, an idempotency key reused with other data 422, bad input 400.</summary>
    public static ProblemHttpResult FranMotorn(EngineException e) => e switch
    {
        InsatsFlow.Engine.Store.IdempotencyKeyReusedException => NyckelAteranvand(e.Message),
        EngineConflictException => Problem(StatusCodes.Status409Conflict, "Någon annan hann före.", e.Message),
        EngineNotFoundException => Problem(StatusCodes.Status404NotFound, "Finns inte.", e.Message),
        _ => Problem(StatusCodes.Status400BadRequest, "Begäran kunde inte utföras.", e.Message),
    };

    /// <summary>The same x-requestid came before with other data (IETF Idempotency-Key draft): 422.</summary>
    public static ProblemHttpResult NyckelAteranvand(string detalj) =>
        Problem(StatusCodes.Status422UnprocessableEntity, "Begärans nyckel (x-requestid) är redan använd för en annan begäran.", detalj);

    public static ProblemHttpResult Forbjuden(string detalj) => Problem(StatusCodes.Status403Forbidden, "Du har inte behörighet.", detalj);

    public static ProblemHttpResult SaknasProblem(string detalj) => Problem(StatusCodes.Status404NotFound, "Finns inte.", detalj);
}

/// <summary>Problems in submitted text: BPMN problems by element and line, JSON problems by path.</summary>
public static class InnehallsProblem
{
    /// <summary>Every BPMN problem, keyed by element id (or "rad N" when the problem has no element), and as a list.</summary>
    public static ValidationProblem Bpmn(IEnumerable<InsatsFlow.Engine.Parsing.BpmnProblem> problem, string titel = "BPMN-filen är inte giltig; inget har ändrats.")
    {
        var lista = problem.Select(p => new BpmnProblemDto(p.ElementId, p.Line, p.Message)).ToList();
        var fel = lista.GroupBy(p => p.ElementId ?? (p.Rad > 0 ? $"rad {p.Rad}" : "xml"))
            .ToDictionary(g => g.Key, g => g.Select(p => p.ToString()).ToArray());
        return TypedResults.ValidationProblem(fel, title: titel, extensions: new Dictionary<string, object?> { ["problem"] = lista });
    }

    /// <summary>A request body that is not the JSON it should be, naming the JSON path ("$.indata.belopp").</summary>
    public static ValidationProblem Json(string sokvag, string meddelande) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [sokvag] = [meddelande] }, title: "Begärans JSON är inte giltig; inget har ändrats.");
}

/// <summary>One BPMN problem as the API reports it: the element, the line, and what is wrong, in Swedish.</summary>
public sealed record BpmnProblemDto(string? ElementId, int Rad, string Meddelande)
{
    public override string ToString() =>
        (ElementId is null ? "" : $"element {ElementId}") + (Rad > 0 ? $"{(ElementId is null ? "" : ", ")}rad {Rad}" : "") + ": " + Meddelande;
}
