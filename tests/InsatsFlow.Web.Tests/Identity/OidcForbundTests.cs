using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Data;
using InsatsFlow.Data.Demo;
using InsatsFlow.Web.Identity;
using InsatsFlow.Web.Tests.Support;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace InsatsFlow.Web.Tests.Identity;

/// <summary>The demo installation with an OIDC provider whose metadata is given, not fetched, and tokens it signs.</summary>
public sealed class OidcVard : IAsyncDisposable
{
    private static readonly SymmetricSecurityKey Nyckel = new(Encoding.UTF8.GetBytes("en-lokal-provnyckel-som-ar-lang-nog-for-hs256"));
    private readonly InsatsFlowFactory bas = new(settings: new Dictionary<string, string>
    {
        ["Authentication:Oidc:Authority"] = "https://idp.example.se",
        ["Authentication:Oidc:ClientId"] = "insatsflow",
    });

    public OidcVard() =>
        Fabrik = bas.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.Configure<JwtBearerOptions>(AuthenticationSetup.OidcBearer, o =>
            {
                o.Configuration = new OpenIdConnectConfiguration { Issuer = "https://idp.example.se" };
                o.Configuration.SigningKeys.Add(Nyckel);
            })));

    public WebApplicationFactory<Program> Fabrik { get; }

    public HttpClient Klient(params Claim[] ansprak)
    {
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://idp.example.se", Audience = "insatsflow", Expires = DateTime.UtcNow.AddMinutes(5),
            Subject = new ClaimsIdentity([new Claim("preferred_username", "diariet@nordvik.se"), .. ansprak]),
            SigningCredentials = new SigningCredentials(Nyckel, SecurityAlgorithms.HmacSha256),
        });
        var klient = Fabrik.CreateClient();
        klient.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return klient;
    }

    public async ValueTask DisposeAsync()
    {
        await Fabrik.DisposeAsync();
        await bas.DisposeAsync();
    }
}

/// <summary>An OIDC provider's access token acts in the one förbund it names, by id or organisationsnummer, or is refused with the reason.</summary>
public sealed class OidcForbundTests(OidcVard vard) : IClassFixture<OidcVard>
{
    private async Task<List<Guid>> NordviksInsatserAsync()
    {
        await using var scope = vard.Fabrik.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>();
        var nordvik = await db.Forbund.IgnoreQueryFilters().Where(f => f.Organisationsnummer == DemoSeeder.NordvikOrganisationsnummer).Select(f => f.Id).SingleAsync();
        return await db.Insatser.IgnoreQueryFilters().Where(i => i.ForbundId == nordvik).Select(i => i.Id).ToListAsync();
    }

    [Fact]
    public async Task Ett_token_som_namner_ett_forbund_med_organisationsnummer_verkar_i_det_forbundet()
    {
        var klient = vard.Klient(new Claim("roles", Roller.Revisor), new Claim("forbund", DemoSeeder.NordvikOrganisationsnummer));

        var jag = await klient.GetFromJsonAsync<JsonElement>("/api/konto/jag");
        var insatser = await klient.PosterAsync<JsonElement>("/api/insatser");

        jag.GetProperty("forbund").GetProperty("namn").GetString().Should().Contain("Nordvik");
        (await NordviksInsatserAsync()).Should().NotBeEmpty();
        insatser.Select(i => i.GetProperty("id").GetGuid()).Should().BeEquivalentTo(await NordviksInsatserAsync(),
            "Nordvik's token sees Nordvik's insatser and none of Demo's");
    }

    [Fact]
    public async Task Ett_token_utan_forbund_nekas_med_skalet()
    {
        using var svar = await vard.Klient(new Claim("roles", Roller.Revisor)).GetAsync("/api/insatser");

        svar.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        svar.Headers.WwwAuthenticate.ToString().Should().Contain("invalid_token");
        (await svar.Content.ReadAsStringAsync()).Should().Contain("anger inget förbund").And.Contain("forbund");
    }

    [Fact]
    public async Task Ett_token_med_ett_okant_forbund_nekas_och_ingenting_visas()
    {
        using var svar = await vard.Klient(new Claim("roles", Roller.Revisor), new Claim("forbund", "222000-9999")).GetAsync("/api/insatser");

        svar.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await svar.Content.ReadAsStringAsync()).Should().Contain("222000-9999").And.Contain("finns inte i installationen");
    }

    [Fact]
    public async Task Ett_token_med_tva_forbund_nekas()
    {
        using var svar = await vard.Klient(new Claim("roles", Roller.Revisor),
            new Claim("forbund", DemoSeeder.Organisationsnummer), new Claim("forbund", DemoSeeder.NordvikOrganisationsnummer)).GetAsync("/api/insatser");

        svar.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await svar.Content.ReadAsStringAsync()).Should().Contain("2 förbund");
    }
}
