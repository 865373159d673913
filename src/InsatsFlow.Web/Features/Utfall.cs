using InsatsFlow.Core.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InsatsFlow.Web.Features;

/// <summary><see cref="Obearbetbar"/>: the idempotency key was used before with other data (HTTP 422).</summary>
public enum UtfallsTyp { Ok, Ogiltigt, Forbjuden, Saknas, Konflikt, Obearbetbar }

/// <summary>The outcome of a user's action, for a page to explain and an endpoint to turn into HTTP.</summary>
public sealed record Utfall<T>(UtfallsTyp Typ, T? Varde, string? Meddelande, IReadOnlyList<Valideringsfel> Fel)
{
    public bool ArOk => Typ == UtfallsTyp.Ok;

    public static Utfall<T> Ok(T varde) => new(UtfallsTyp.Ok, varde, null, []);
    public static Utfall<T> Ogiltigt(IReadOnlyList<Valideringsfel> fel, string? meddelande = null) => new(UtfallsTyp.Ogiltigt, default, meddelande ?? "Uppgifterna är inte giltiga.", fel);
    public static Utfall<T> Forbjuden(string meddelande) => new(UtfallsTyp.Forbjuden, default, meddelande, []);
    public static Utfall<T> Saknas(string meddelande) => new(UtfallsTyp.Saknas, default, meddelande, []);
    public static Utfall<T> Konflikt(string meddelande) => new(UtfallsTyp.Konflikt, default, meddelande, []);
    public static Utfall<T> Obearbetbar(string meddelande) => new(UtfallsTyp.Obearbetbar, default, meddelande, []);

    public Results<Ok<T>, ValidationProblem, ProblemHttpResult> TillHttp() => Typ switch
    {
        UtfallsTyp.Ok => TypedResults.Ok(Varde!),
        UtfallsTyp.Ogiltigt => ProblemResults.Validering(Fel, Meddelande!),
        UtfallsTyp.Forbjuden => ProblemResults.Forbjuden(Meddelande!),
        UtfallsTyp.Saknas => ProblemResults.SaknasProblem(Meddelande!),
        UtfallsTyp.Obearbetbar => ProblemResults.NyckelAteranvand(Meddelande!),
        _ => ProblemResults.Problem(StatusCodes.Status409Conflict, "Någon annan hann före.", Meddelande),
    };
}
