using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InsatsFlow.Web.Features;

/// <summary>
/// Reads a JSON request body strictly (required fields present, no unknown fields, nulls only where allowed), so that
/// bad input is answered with a 400 naming the JSON path in Swedish instead of a bare binding failure.
/// </summary>
public static class JsonIndata
{
    public static readonly JsonSerializerOptions Strikt = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <param name="tomTillaten">An empty body reads as <paramref name="tom"/> (for commands whose every field is optional).</param>
    public static async Task<(T? Varde, ValidationProblem? Problem)> LasAsync<T>(HttpRequest request, CancellationToken ct, T? tom = default, bool tomTillaten = false)
        where T : class
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        if (string.IsNullOrWhiteSpace(text))
            return tomTillaten ? (tom, null) : (null, InnehallsProblem.Json("$", "begäran saknar JSON-innehåll"));
        try
        {
            var varde = JsonSerializer.Deserialize<T>(text, Strikt);
            return varde is null ? (null, InnehallsProblem.Json("$", "ska vara ett JSON-objekt, inte null")) : (varde, null);
        }
        catch (JsonException e)
        {
            var sokvag = e.Path is { Length: > 0 } p ? p : "$";
            return (null, InnehallsProblem.Json(sokvag, $"{Forklaring(e.Message)} (rad {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1})"));
        }
    }

    // System.Text.Json explains in English; the common cases get a Swedish sentence, the rest keep the original for the developer.
    private static string Forklaring(string message) => message switch
    {
        _ when message.Contains("missing required properties", StringComparison.OrdinalIgnoreCase) =>
            "obligatoriskt fält saknas: " + Mellan(message, "including: ", "."),
        _ when message.Contains("could not be mapped to any .NET member", StringComparison.OrdinalIgnoreCase) =>
            "okänt fält " + Mellan(message, "The JSON property '", "'"),
        _ when message.Contains("null", StringComparison.OrdinalIgnoreCase) && message.Contains("non-nullable", StringComparison.OrdinalIgnoreCase) =>
            "värdet får inte vara null",
        _ when message.Contains("could not be converted", StringComparison.OrdinalIgnoreCase) => "värdet har fel typ",
        _ => "felaktig JSON: " + message,
    };

    private static string Mellan(string text, string fore, string efter)
    {
        var start = text.IndexOf(fore, StringComparison.Ordinal);
        if (start < 0) return "";
        start += fore.Length;
        var slut = text.IndexOf(efter, start, StringComparison.Ordinal);
        return slut < 0 ? text[start..] : text[start..slut];
    }
}
