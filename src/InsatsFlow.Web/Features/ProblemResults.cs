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

    /// <summary>The engine's refusals as HTTP: conflict 409, missing 404, bad input 400.</summary>
    public static ProblemHttpResult FranMotorn(EngineException e) => e switch
    {
        EngineConflictException => Problem(StatusCodes.Status409Conflict, "Någon annan hann före.", e.Message),
        EngineNotFoundException => Problem(StatusCodes.Status404NotFound, "Finns inte.", e.Message),
        _ => Problem(StatusCodes.Status400BadRequest, "Begäran kunde inte utföras.", e.Message),
    };

    public static ProblemHttpResult Forbjuden(string detalj) => Problem(StatusCodes.Status403Forbidden, "Du har inte behörighet.", detalj);

    public static ProblemHttpResult SaknasProblem(string detalj) => Problem(StatusCodes.Status404NotFound, "Finns inte.", detalj);
}
