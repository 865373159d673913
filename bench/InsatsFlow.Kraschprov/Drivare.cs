using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace InsatsFlow.Kraschprov;

public sealed record RegistreradInsats(string Id, string? InstansId);

/// <summary>
/// The demo kansli at work through the API: takes and completes every open task of its groups and registers an
/// insats now and then. Every command has its own x-requestid; when the host dies mid-request the same request is
/// sent again, with the same key, until the host answers.
/// </summary>
public sealed partial class Drivare(int fro)
{
    private readonly Random slump = new(fro);
    private readonly CookieContainer kakor = new();
    private int raknare;

    public ConcurrentBag<string> Kvitterade { get; } = [];
    public List<RegistreradInsats> Insatser { get; } = [];
    public int Slutforda => Kvitterade.Count;

    private HttpClient Klient(Vard vard) => new(new HttpClientHandler { CookieContainer = kakor, AllowAutoRedirect = false })
    { BaseAddress = vard.Adress, Timeout = TimeSpan.FromSeconds(10) };

    public async Task KorAsync(Vard vard, CancellationToken ct)
    {
        using var http = Klient(vard);
        var nastaInsats = DateTime.UtcNow;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (DateTime.UtcNow >= nastaInsats)
                {
                    await RegistreraAsync(http, ct);
                    nastaInsats = DateTime.UtcNow + TimeSpan.FromSeconds(slump.Next(2, 6));
                }
                var uppgifter = await SkickaAsync(http, () => new HttpRequestMessage(HttpMethod.Get, "/api/uppgifter/grupp"), ct);
                var lista = uppgifter is { StatusCode: HttpStatusCode.OK }
                    ? (await uppgifter.Content.ReadFromJsonAsync<List<JsonElement>>(ct))!
                    : [];
                foreach (var u in lista.Where(u => u.GetProperty("process").GetString() == "kraschprov").Take(5))
                    await SlutforAsync(http, u.GetProperty("id").GetString()!, ct);
                await Task.Delay(slump.Next(100, 400), ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task RegistreraAsync(HttpClient http, CancellationToken ct)
    {
        var nyckel = $"kraschprov-insats-{fro}-{Interlocked.Increment(ref raknare)}";
        var svar = await SkickaAsync(http, () => Med(new HttpRequestMessage(HttpMethod.Post, "/api/insatser")
        { Content = JsonContent.Create(new { titel = $"Kraschprov {raknare}", sokandeOrganisation = "Kraschprovet" }) }, nyckel), ct);
        if (svar?.StatusCode != HttpStatusCode.Created) return;
        var body = await svar.Content.ReadFromJsonAsync<JsonElement>(ct);
        lock (Insatser) Insatser.Add(new(body.GetProperty("id").GetString()!, body.TryGetProperty("instansId", out var i) ? i.GetString() : null));
    }

    private async Task SlutforAsync(HttpClient http, string id, CancellationToken ct)
    {
        var ta = await SkickaAsync(http, () => Med(new HttpRequestMessage(HttpMethod.Post, $"/api/uppgifter/{id}/ta"), $"ta-{id}"), ct);
        if (ta?.IsSuccessStatusCode != true) return;
        var klar = await SkickaAsync(http, () => Med(new HttpRequestMessage(HttpMethod.Post, $"/api/uppgifter/{id}/slutfor")
        { Content = JsonContent.Create(new { variabler = new { } }) }, $"slutfor-{id}"), ct);
        if (klar?.StatusCode == HttpStatusCode.OK) Kvitterade.Add(id);
    }

    private static HttpRequestMessage Med(HttpRequestMessage m, string nyckel)
    {
        m.Headers.Add("x-requestid", nyckel);
        return m;
    }

    /// <summary>Sends until the host answers (it may be down for a while); signs in again when the answer is 401.</summary>
    private async Task<HttpResponseMessage?> SkickaAsync(HttpClient http, Func<HttpRequestMessage> begaran, CancellationToken ct)
    {
        for (var forsok = 0; forsok < 600; forsok++)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                var svar = await http.SendAsync(begaran(), ct);
                if (svar.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect or HttpStatusCode.Found)
                {
                    await LoggaInAsync(http, ct);
                    continue;
                }
                if ((int)svar.StatusCode >= 500) { await Task.Delay(300, ct); continue; }
                return svar;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            catch (IOException) { }
            await Task.Delay(300, ct);
        }
        return null;
    }

    private async Task LoggaInAsync(HttpClient http, CancellationToken ct)
    {
        var sida = await http.GetStringAsync("/logga-in", ct);
        var token = Token().Match(sida).Groups[1].Value;
        var svar = await http.PostAsync("/konto/logga-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["epost"] = "kansli@demo.insatsflow.se", ["losenord"] = Kampanj.Losenord, ["__RequestVerificationToken"] = token, ["returnUrl"] = "/",
        }), ct);
        if (svar.Headers.Location?.ToString().Contains("fel=") == true) throw new InvalidOperationException("Inloggningen som kansli misslyckades.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>Every instance's hash chain, verified by the host (GET …/journal/verifiering).</summary>
    public async Task<(int Provade, List<string> Brutna)> VerifieraJournalerAsync(Vard vard, string databas, CancellationToken ct)
    {
        var ids = new List<string>();
        using (var c = new SqliteConnection($"Data Source={databas};Mode=ReadOnly"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT Id FROM EngineInstances";
            using var r = cmd.ExecuteReader();
            while (r.Read()) ids.Add(r.GetString(0));
        }
        using var http = Klient(vard);
        var brutna = new List<string>();
        foreach (var id in ids)
        {
            var svar = await SkickaAsync(http, () => new HttpRequestMessage(HttpMethod.Get, $"/api/instanser/{id}/journal/verifiering"), ct);
            if (svar?.StatusCode != HttpStatusCode.OK) { brutna.Add($"instansen {id}: verifieringen svarade {(int?)svar?.StatusCode}"); continue; }
            var v = await svar.Content.ReadFromJsonAsync<JsonElement>(ct);
            if (!v.GetProperty("obruten").GetBoolean()) brutna.Add($"instansen {id}: journalen bruten vid post {v.GetProperty("forstaBrutnaPost")}");
        }
        return (ids.Count, brutna);
    }
}
