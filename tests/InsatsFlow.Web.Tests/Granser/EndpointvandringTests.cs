using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Web.Tests.Granser;

/// <summary>
/// Walks every endpoint the host maps (its EndpointDataSource) with the requests a careless or hostile client sends:
/// without sign-in, with the wrong method, with malformed JSON, with the wrong content type and with an oversized id.
/// No answer is a 500, and every error answer is a ProblemDetails whose title and detail are Swedish.
/// </summary>
public sealed partial class EndpointvandringTests(ApiVard vard) : IClassFixture<ApiVard>
{
    [GeneratedRegex(@"\b(the|an|error|errors|occurred|request|requests|not|found|allowed|unauthorized|forbidden|bad|unsupported|media|validation|failed|required|parameter|was|invalid|expected|server|internal|method|content|payload|too large)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Engelska();

    private sealed record Slutpunkt(string Monster, string Url, IReadOnlyList<string> Metoder);

    private List<Slutpunkt> Slutpunkter()
    {
        var kallor = vard.Factory.Services.GetServices<EndpointDataSource>();
        return kallor.SelectMany(k => k.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null)
            .Where(e => !(e.RoutePattern.RawText ?? "").Contains("_blazor", StringComparison.Ordinal))
            .Select(e => new Slutpunkt(e.RoutePattern.RawText ?? "", Url(e.RoutePattern),
                e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.ToList() ?? ["GET"]))
            .DistinctBy(s => (s.Monster, string.Join(",", s.Metoder)))
            .ToList();
    }

    private static string Url(RoutePattern monster)
    {
        var delar = monster.PathSegments.Select(segment => string.Concat(segment.Parts.Select(del => del switch
        {
            RoutePatternLiteralPart l => l.Content,
            RoutePatternSeparatorPart s => s.Content,
            RoutePatternParameterPart p => Varde(p),
            _ => "x",
        })));
        return "/" + string.Join("/", delar);
    }

    private static string Varde(RoutePatternParameterPart p)
    {
        var villkor = string.Join(",", p.ParameterPolicies.Select(x => x.Content));
        if (villkor.Contains("guid")) return Guid.Empty.ToString();
        if (villkor.Contains("int") || villkor.Contains("long")) return "999999";
        return p.IsCatchAll ? "finns/inte" : "finns-inte";
    }

    private static async Task AssertSvensktAsync(HttpResponseMessage svar, string vad)
    {
        ((int)svar.StatusCode).Should().BeLessThan(500, vad);
        if ((int)svar.StatusCode < 400) return;
        var typ = svar.Content.Headers.ContentType?.MediaType ?? "";
        if (!typ.Contains("json")) return; // pages answer with HTML in Swedish, or a redirect to the sign-in page
        var problem = JsonDocument.Parse(await svar.Content.ReadAsStringAsync()).RootElement;
        var titel = problem.TryGetProperty("title", out var t) ? t.GetString() : null;
        titel.Should().NotBeNullOrWhiteSpace(vad);
        Engelska().IsMatch(titel!).Should().BeFalse($"{vad} gav titeln \"{titel}\"");
        if (problem.TryGetProperty("detail", out var d) && d.GetString() is { } detalj)
            Engelska().IsMatch(detalj).Should().BeFalse($"{vad} gav detaljen \"{detalj}\"");
        if (problem.TryGetProperty("errors", out var fel))
            foreach (var falt in fel.EnumerateObject())
                foreach (var m in falt.Value.EnumerateArray())
                    Engelska().IsMatch(m.GetString() ?? "").Should().BeFalse($"{vad} gav felet \"{m.GetString()}\" för {falt.Name}");
    }

    [Fact]
    public async Task Varje_slutpunkt_svarar_pa_svenska_och_aldrig_500_pa_felaktiga_begaranden()
    {
        var slutpunkter = Slutpunkter();
        slutpunkter.Count(s => s.Monster.StartsWith("/api", StringComparison.Ordinal) || s.Monster.StartsWith("api", StringComparison.Ordinal))
            .Should().BeGreaterThan(30, "alla API:ets slutpunkter ska finnas med");
        var anonym = await vard.SomAsync("anonym");
        var kansli = await vard.SomAsync(Roller.Kansli);
        var admin = await vard.SomAsync(Roller.Admin);
        var provade = 0;
        foreach (var s in slutpunkter)
            foreach (var metod in s.Metoder)
            {
                var vad = $"{metod} {s.Monster}";
                await AssertSvensktAsync(await anonym.SendAsync(new HttpRequestMessage(new HttpMethod(metod), s.Url)), $"{vad} utan inloggning");
                var fel = metod == "DELETE" ? HttpMethod.Patch : HttpMethod.Delete;
                await AssertSvensktAsync(await kansli.SendAsync(new HttpRequestMessage(fel, s.Url)), $"{fel} {s.Monster}");
                foreach (var klient in new[] { kansli, admin })
                {
                    if (metod is "POST" or "PUT" or "PATCH")
                    {
                        await AssertSvensktAsync(await klient.SendAsync(Med(metod, s.Url, "{\"a\": [1, 2,", "application/json")), $"{vad} med trasig JSON");
                        await AssertSvensktAsync(await klient.SendAsync(Med(metod, s.Url, "[]", "application/json")), $"{vad} med en lista");
                        await AssertSvensktAsync(await klient.SendAsync(Med(metod, s.Url, "null", "application/json")), $"{vad} med null");
                        await AssertSvensktAsync(await klient.SendAsync(Med(metod, s.Url, "hej", "text/plain")), $"{vad} med fel innehållstyp");
                        await AssertSvensktAsync(await klient.SendAsync(Med(metod, s.Url, "<a><!DOCTYPE x></a>", "application/xml")), $"{vad} med XML");
                    }
                    else
                        await AssertSvensktAsync(await klient.SendAsync(new HttpRequestMessage(new HttpMethod(metod), s.Url + "?version=x&fran=x&till=x&process=%00")), $"{vad} med konstiga parametrar");
                    provade++;
                }
            }
        provade.Should().BeGreaterThan(60);
    }

    private static HttpRequestMessage Med(string metod, string url, string innehall, string typ) =>
        new(new HttpMethod(metod), url) { Content = new StringContent(innehall, Encoding.UTF8, typ) };
}
