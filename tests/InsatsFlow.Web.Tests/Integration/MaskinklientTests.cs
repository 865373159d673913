using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Data;
using InsatsFlow.Web.Features.Insatser;
using InsatsFlow.Web.Features.Integration;
using InsatsFlow.Web.Identity;
using InsatsFlow.Web.Tests.Support;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace InsatsFlow.Web.Tests.Integration;

/// <summary>Other systems sign in with a bearer token: a machine client's API token (RFC 6750), or the OIDC provider's access token.</summary>
public sealed class MaskinklientTests(ApiVard vard) : IClassFixture<ApiVard>
{
    [Fact]
    public async Task Token_visas_en_gang_och_bara_dess_hash_lagras()
    {
        var ny = await vard.SkapaMaskinklientAsync([Omfang.Lasa], "diarium-token");

        var lista = await (await vard.SomAsync(Roller.Admin)).GetStringAsync("/api/integration/klienter");
        var rad = await vard.MedTjansterAsync(sp => sp.GetRequiredService<InsatsFlowDbContext>().Maskinklienter.SingleAsync(k => k.Id == ny.Klient.Id));

        ny.Token.Should().StartWith("ifk_");
        lista.Should().Contain("diarium-token").And.NotContain(ny.Token);
        rad.TokenHash.Should().Equal(MaskinklientToken.Hash(ny.Token)).And.NotEqual(Encoding.UTF8.GetBytes(ny.Token));
    }

    [Fact]
    public async Task Klienten_registrerar_en_insats_och_journalen_namner_klienten()
    {
        var ny = await vard.SkapaMaskinklientAsync([Omfang.RegistreraInsats, Omfang.HandlaggaUppgifter], "e-tjanst-norrby");
        var klient = vard.MedToken(ny.Token);

        using var svar = await klient.PostAsJsonAsync("/api/insatser", new { titel = "Insats från e-tjänsten", sokandeOrganisation = "Norrby kommun" });
        var registrerad = await svar.Content.ReadFromJsonAsync<RegistreradInsats>();
        var journal = await (await vard.SomAsync(Roller.Kansli)).GetStringAsync($"/api/instanser/{registrerad!.InstansId}/journal");

        svar.StatusCode.Should().Be(HttpStatusCode.Created);
        journal.Should().Contain("\"anvandare\":\"klient:e-tjanst-norrby\"");
    }

    [Fact]
    public async Task Klienten_tar_sin_ideuppgift_bara_med_behorigheten_handlagga_uppgifter()
    {
        var utan = vard.MedToken((await vard.SkapaMaskinklientAsync([Omfang.RegistreraInsats])).Token);
        var med = vard.MedToken((await vard.SkapaMaskinklientAsync([Omfang.RegistreraInsats, Omfang.HandlaggaUppgifter])).Token);

        var utansUppgift = await RegistreraAsync(utan);
        var medsUppgift = await RegistreraAsync(med);
        using var nekad = await utan.PostAsync($"/api/uppgifter/{utansUppgift}/ta", null);
        using var tagen = await med.PostAsync($"/api/uppgifter/{medsUppgift}/ta", null);

        nekad.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await nekad.Content.ReadAsStringAsync()).Should().Contain("handlägga uppgifter");
        tagen.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task En_roterad_token_slutar_galla_och_den_nya_galler()
    {
        var ny = await vard.SkapaMaskinklientAsync([Omfang.Lasa]);
        var admin = await vard.SomAsync(Roller.Admin);

        using var rotera = await admin.PostAsync($"/api/integration/klienter/{ny.Klient.Id}/rotera", null);
        var roterad = await rotera.Content.ReadFromJsonAsync<NyMaskinklientToken>();

        (await vard.MedToken(ny.Token).GetAsync("/api/insatser")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await vard.MedToken(roterad!.Token).GetAsync("/api/insatser")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task En_aterkallad_klient_far_401_med_invalid_token()
    {
        var ny = await vard.SkapaMaskinklientAsync([Omfang.Lasa]);
        var admin = await vard.SomAsync(Roller.Admin);

        (await admin.PostAsync($"/api/integration/klienter/{ny.Klient.Id}/aterkalla", null)).EnsureSuccessStatusCode();
        using var svar = await vard.MedToken(ny.Token).GetAsync("/api/insatser");

        svar.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        svar.Headers.WwwAuthenticate.ToString().Should().Contain("error=\"invalid_token\"");
    }

    [Fact]
    public async Task En_okand_behorighet_ar_ett_400_som_namnger_faltet_och_skapar_ingen_klient()
    {
        var admin = await vard.SomAsync(Roller.Admin);

        using var svar = await admin.PostAsJsonAsync("/api/integration/klienter", new { namn = "fel-omfang", omfang = new[] { "allt" } });
        var problem = await svar.Content.ReadFromJsonAsync<JsonElement>();

        svar.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("omfang")[0].GetString().Should().Contain("allt");
        (await vard.MedTjansterAsync(sp => sp.GetRequiredService<InsatsFlowDbContext>().Maskinklienter.AnyAsync(k => k.Namn == "fel-omfang"))).Should().BeFalse();
    }

    [Fact]
    public async Task OIDC_leverantorens_atkomsttoken_godtas_med_rollerna_i_token()
    {
        var nyckel = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("en-lokal-provnyckel-som-ar-lang-nog-for-hs256"));
        await using var factory = new InsatsFlowFactory(settings: new Dictionary<string, string>
        {
            ["Authentication:Oidc:Authority"] = "https://idp.example.se",
            ["Authentication:Oidc:ClientId"] = "insatsflow",
        });
        var medIdp = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.Configure<JwtBearerOptions>(AuthenticationSetup.OidcBearer, o =>
            {
                // the provider's metadata, as if fetched: its issuer and signing key
                o.Configuration = new OpenIdConnectConfiguration { Issuer = "https://idp.example.se" };
                o.Configuration.SigningKeys.Add(nyckel);
            })));
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://idp.example.se", Audience = "insatsflow", Expires = DateTime.UtcNow.AddMinutes(5),
            Subject = new ClaimsIdentity([new Claim("preferred_username", "diariet@norrby.se"), new Claim("roles", Roller.Revisor),
                new Claim("forbund", InsatsFlow.Data.Demo.DemoSeeder.Organisationsnummer)]),
            SigningCredentials = new SigningCredentials(nyckel, SecurityAlgorithms.HmacSha256),
        });
        var client = medIdp.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var jag = await client.GetFromJsonAsync<JsonElement>("/api/konto/jag");
        using var insatser = await client.GetAsync("/api/insatser");

        jag.GetProperty("namn").GetString().Should().Be("diariet@norrby.se");
        insatser.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static async Task<string> RegistreraAsync(HttpClient klient)
    {
        using var svar = await klient.PostAsJsonAsync("/api/insatser", new { titel = "Maskinens insats", sokandeOrganisation = "Norrby kommun" });
        svar.EnsureSuccessStatusCode();
        return (await svar.Content.ReadFromJsonAsync<RegistreradInsats>())!.Uppgifter.Single();
    }
}
