using System.Text.Json;
using InsatsFlow.Web.Features;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace InsatsFlow.Web.Hosting;

/// <summary>How much a request may carry; a setting ("InsatsFlow:Begaran").</summary>
public sealed class BegaranGranser
{
    public const string Sektion = "InsatsFlow:Begaran";

    /// <summary>Bytes of one request body (JSON, BPMN, form); larger gets 413 before anything is read.</summary>
    public long MaxStorlekByte { get; set; } = 4 * 1024 * 1024;

    /// <summary>Nesting of a JSON body.</summary>
    public int MaxJsonDjup { get; set; } = 32;
}

/// <summary>
/// Every error the host answers is a ProblemDetails in Swedish, also the framework's own: 400 from binding (malformed JSON,
/// a missing parameter), 401 and 403 from the auth challenge on /api, 404 and 405 from routing, 413 for a body over the limit,
/// 415 for the wrong content type and 500. Bad input never reaches a 500; the title and detail name what is wrong and where.
/// </summary>
public static class SvenskaFel
{
    public static void AddSvenskaFel(this WebApplicationBuilder builder)
    {
        var granser = builder.Configuration.GetSection(BegaranGranser.Sektion).Get<BegaranGranser>() ?? new BegaranGranser();
        builder.Services.AddSingleton(granser);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Anpassa);
        builder.Services.AddExceptionHandler<Felhanterare>();
        // Binding failures throw BadHttpRequestException (with the JsonException inside), so the handler below can say where.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.MaxDepth = granser.MaxJsonDjup);
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = granser.MaxStorlekByte);
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = granser.MaxStorlekByte);
    }

    /// <summary>Refuses a body over the limit before it is read (also where the server does not enforce it, as in tests).</summary>
    public static IApplicationBuilder UseBegaranGranser(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var granser = context.RequestServices.GetRequiredService<BegaranGranser>();
        if (context.Request.ContentLength > granser.MaxStorlekByte)
        {
            await SkrivAsync(context, StatusCodes.Status413PayloadTooLarge, Titlar[413],
                $"Begärans innehåll är {context.Request.ContentLength} byte; gränsen är {granser.MaxStorlekByte} byte ({BegaranGranser.Sektion}:MaxStorlekByte).");
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } storlek)
            storlek.MaxRequestBodySize = granser.MaxStorlekByte;
        await next(context);
    });

    internal static readonly IReadOnlyDictionary<int, string> Titlar = new Dictionary<int, string>
    {
        [400] = "Begäran är felaktig; inget har ändrats.",
        [401] = "Du är inte inloggad.",
        [403] = "Du har inte behörighet.",
        [404] = "Finns inte.",
        [405] = "Metoden är inte tillåten här.",
        [406] = "Svarsformatet kan inte levereras.",
        [408] = "Begäran tog för lång tid.",
        [409] = "Någon annan hann före.",
        [411] = "Begärans längd saknas.",
        [413] = "Begärans innehåll är för stort; inget har ändrats.",
        [414] = "Adressen är för lång.",
        [415] = "Innehållstypen stöds inte; inget har ändrats.",
        [422] = "Begäran kan inte utföras; inget har ändrats.",
        [429] = "För många begäranden.",
        [431] = "Begärans rubriker är för stora.",
        [500] = "Ett oväntat fel inträffade.",
        [503] = "Tjänsten är inte tillgänglig just nu.",
    };

    private static readonly IReadOnlyDictionary<int, string> Detaljer = new Dictionary<int, string>
    {
        [400] = "Begäran kunde inte tolkas.",
        [401] = "Logga in och försök igen.",
        [403] = "Ditt konto har inte den roll eller det uppdrag som krävs.",
        [404] = "Adressen finns inte, eller så finns inte det du söker.",
        [405] = "Adressen finns men tar inte emot den här HTTP-metoden.",
        [413] = "Begärans innehåll är större än gränsen.",
        [415] = "Skicka innehållet som application/json (eller som XML där det anges).",
        [500] = "Felet har loggats. Försök igen; kvarstår felet, kontakta förvaltningen.",
    };

    // The framework's and RFC 9110's English titles, replaced by Swedish ones for the same status.
    private static readonly HashSet<string> EngelskaTitlar = new(StringComparer.OrdinalIgnoreCase)
    {
        "Bad Request", "Unauthorized", "Forbidden", "Not Found", "Method Not Allowed", "Not Acceptable", "Request Timeout",
        "Conflict", "Length Required", "Payload Too Large", "Request Entity Too Large", "Content Too Large", "URI Too Long",
        "Unsupported Media Type", "Unprocessable Entity", "Unprocessable Content", "Too Many Requests",
        "Request Header Fields Too Large", "Internal Server Error", "Service Unavailable",
        "An error occurred while processing your request.", "One or more validation errors occurred.",
    };

    private static void Anpassa(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (problem.Title is null || EngelskaTitlar.Contains(problem.Title))
            problem.Title = Titlar.GetValueOrDefault(status, status >= 500 ? Titlar[500] : Titlar[400]);
        if (problem.Detail is null && status == 415)
            problem.Detail = Innehallstyp(context.HttpContext);
        if (problem.Detail is null && Detaljer.TryGetValue(status, out var detalj))
            problem.Detail = detalj;
    }

    private static string Innehallstyp(HttpContext context) =>
        $"Innehållstypen {(context.Request.ContentType is { Length: > 0 } t ? $"\"{t}\" stöds inte här" : "saknas")}; skicka application/json (eller XML där det anges).";

    internal static async Task SkrivAsync(HttpContext context, int status, string titel, string detalj, IDictionary<string, string[]>? fel = null)
    {
        context.Response.StatusCode = status;
        ProblemDetails problem = fel is null
            ? new ProblemDetails { Status = status, Title = titel, Detail = detalj }
            : new HttpValidationProblemDetails(fel) { Status = status, Title = titel, Detail = detalj };
        var tjanst = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await tjanst.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    /// <summary>Bad requests the framework throws (binding, size, content type) as Swedish 4xx; anything else a Swedish 500.</summary>
    private sealed class Felhanterare(ILogger<Felhanterare> logg) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
        {
            if (context.Response.HasStarted) return false;
            switch (exception)
            {
                case BadHttpRequestException { InnerException: JsonException json }:
                    var (sokvag, meddelande) = InsatsFlow.Engine.Parsing.JsonMessages.Beskriv(json);
                    await SkrivAsync(context, 400, "Begärans JSON är inte giltig; inget har ändrats.", $"{sokvag}: {meddelande}",
                        new Dictionary<string, string[]> { [sokvag] = [meddelande] });
                    return true;
                case BadHttpRequestException b:
                    var status = b.StatusCode is >= 400 and < 500 ? b.StatusCode : 400;
                    var (falt, text) = Beskriv(b, status, context);
                    await SkrivAsync(context, status, Titlar.GetValueOrDefault(status, Titlar[400]), text,
                        falt is null ? null : new Dictionary<string, string[]> { [falt] = [text] });
                    return true;
                case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                    return true; // the client went away; nobody reads an answer
                default:
                    logg.LogError(exception, "Oväntat fel för {Metod} {Sokvag}", context.Request.Method, context.Request.Path);
                    await SkrivAsync(context, 500, Titlar[500], Detaljer[500]);
                    return true;
            }
        }

        private static (string? Falt, string Text) Beskriv(BadHttpRequestException b, int status, HttpContext context)
        {
            var m = b.Message;
            if (status == 413)
            {
                var granser = context.RequestServices.GetRequiredService<BegaranGranser>();
                return (null, $"Begärans innehåll är större än gränsen {granser.MaxStorlekByte} byte ({BegaranGranser.Sektion}:MaxStorlekByte).");
            }
            if (status == 415) return (null, Innehallstyp(context));
            if (Citat(m) is { } parameter && m.Contains("was not provided", StringComparison.Ordinal))
                return (Namn(parameter), $"parametern {Namn(parameter)} saknas");
            if (Citat(m) is { } tolkad && m.StartsWith("Failed to bind parameter", StringComparison.Ordinal))
                return (Namn(tolkad), $"parametern {Namn(tolkad)} har ett värde som inte kan tolkas");
            if (m.Contains("Implicit body inferred", StringComparison.Ordinal) || m.Contains("request body", StringComparison.OrdinalIgnoreCase))
                return ("$", "begäran saknar JSON-innehåll eller har fel innehållstyp; skicka ett JSON-objekt som application/json");
            if (m.Contains("form", StringComparison.OrdinalIgnoreCase))
                return (null, "formulärdata kunde inte läsas");
            return (null, Detaljer[400]);
        }

        // "Required parameter \"string id\" was not provided …" → "string id"
        private static string? Citat(string message)
        {
            var start = message.IndexOf('"');
            var slut = start < 0 ? -1 : message.IndexOf('"', start + 1);
            return slut > start ? message[(start + 1)..slut] : null;
        }

        private static string Namn(string parameter) => parameter.Split(' ')[^1];
    }
}
