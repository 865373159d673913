using System.Net.Http.Json;
using System.Text.Json;

namespace InsatsFlow.Web.Tests.Support;

/// <summary>Reads every row of a paged list ({poster, sida, antal, totalt, nasta}), following nasta to the last page.</summary>
public static class Sidor
{
    public static async Task<List<T>> PosterAsync<T>(this HttpClient klient, string url)
    {
        var alla = new List<T>();
        for (string? nasta = url; nasta is not null;)
        {
            var sida = await klient.GetFromJsonAsync<JsonElement>(nasta);
            alla.AddRange(sida.GetProperty("poster").Deserialize<List<T>>(new JsonSerializerOptions(JsonSerializerDefaults.Web)
            {
                Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
            })!);
            nasta = sida.GetProperty("nasta").ValueKind == JsonValueKind.String ? sida.GetProperty("nasta").GetString() : null;
        }
        return alla;
    }
}
