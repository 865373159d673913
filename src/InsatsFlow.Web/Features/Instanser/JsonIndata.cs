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
            var (sokvag, meddelande) = InsatsFlow.Engine.Parsing.JsonMessages.Beskriv(e);
            return (null, InnehallsProblem.Json(sokvag, meddelande));
        }
    }
}
