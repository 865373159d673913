using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Data;
using InsatsFlow.Data.Demo;
using InsatsFlow.Engine;
using InsatsFlow.Web.Features.Installation;
using InsatsFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Web.Tests.Features.Installation;

/// <summary>
/// The parameters a förbundsordning sets (beslutförhet): one national rule file, the förbund's own value where it has one,
/// set by the förbundschef or the förbund's admin, journalled, and read by the gates of that förbund's insatser only.
/// </summary>
public sealed class ForbundsparametrarTests(ApiVard vard) : IClassFixture<ApiVard>
{
    private const string Url = "/api/forbund/parametrar/jav-och-beslutforhet/beslutforhetAndel";

    private static async Task<ForbundsparameterDto> BeslutforhetAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<ForbundsparameterDto>>("/api/forbund/parametrar"))!.Single(p => p.Namn == "beslutforhetAndel");

    [Fact]
    public async Task Beslutforheten_har_regelfilens_varde_tills_forbundet_satter_ett_eget()
    {
        var revisor = await vard.SomNordvikAsync(Roller.Revisor);

        var p = await BeslutforhetAsync(revisor);

        p.Standard.Should().Be(0.5m);
        p.Forbundets.Should().BeNull();
        p.Gallande.Should().Be(0.5m);
    }

    [Fact]
    public async Task Forbundschefen_satter_forbundets_beslutforhet_och_andringen_journalfors()
    {
        var kansli = await vard.SomAsync(Roller.Kansli);

        using var svar = await kansli.PutAsJsonAsync(Url, new { varde = 0.6m });

        svar.StatusCode.Should().Be(HttpStatusCode.OK, await svar.Content.ReadAsStringAsync());
        (await BeslutforhetAsync(kansli)).Gallande.Should().Be(0.6m);
        var logg = await kansli.GetFromJsonAsync<List<ForbundshandelseDto>>("/api/forbund/handelser");
        logg.Should().Contain(h => h.Handelse == "parameter.satt" && h.Anvandare == Inloggning.Kansli && h.Beskrivning.Contains("till 0,6"));
        // the other förbund keeps the rule file's value
        (await BeslutforhetAsync(await vard.SomNordvikAsync(Roller.Kansli))).Gallande.Should().Be(0.5m);
        (await kansli.DeleteAsync(Url)).EnsureSuccessStatusCode();
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("null")]
    public async Task En_andel_utanfor_0_till_1_ger_400_som_namnger_faltet_och_andrar_inget(string varde)
    {
        var admin = await vard.SomNordvikAsync(Roller.Admin);
        var fore = await BeslutforhetAsync(admin);

        using var svar = await admin.PutAsync(Url, new StringContent($$"""{"varde":{{varde}}}""", System.Text.Encoding.UTF8, "application/json"));

        svar.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var problem = JsonDocument.Parse(await svar.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("errors").TryGetProperty("varde", out var fel).Should().BeTrue();
        fel[0].GetString().Should().Contain("beslutforhetAndel");
        (await BeslutforhetAsync(admin)).Should().BeEquivalentTo(fore);
    }

    [Fact]
    public async Task En_kansliroll_som_inte_ar_forbundschef_far_inte_andra_parametrarna()
    {
        // Nordvik's kansli is no förbundschef
        var kansli = await vard.SomNordvikAsync(Roller.Kansli);

        using var svar = await kansli.PutAsJsonAsync(Url, new { varde = 0.6m });

        svar.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task En_parameter_som_forbundsordningen_inte_bestammer_finns_inte_att_satta()
    {
        var admin = await vard.SomAsync(Roller.Admin);

        using var svar = await admin.PutAsJsonAsync("/api/forbund/parametrar/medlemsandelar/andelStaten", new { varde = 0.4m });

        svar.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Aterstalld_parameter_far_regelfilens_varde_igen()
    {
        var admin = await vard.SomNordvikAsync(Roller.Admin);
        (await admin.PutAsJsonAsync(Url, new { varde = 0.75m })).EnsureSuccessStatusCode();

        using var svar = await admin.DeleteAsync(Url);

        svar.StatusCode.Should().Be(HttpStatusCode.OK);
        (await BeslutforhetAsync(admin)).Gallande.Should().Be(0.5m);
        (await admin.GetFromJsonAsync<List<ForbundshandelseDto>>("/api/forbund/handelser")).Should().Contain(h => h.Handelse == "parameter.aterstalld");
    }

    [Fact]
    public async Task Beslutforheten_vid_styrelsebeslutet_provas_med_forbundets_egen_andel()
    {
        var demo = await vard.ForbundIdAsync(DemoSeeder.Organisationsnummer);
        var insats = await vard.InsatsIdAsync("Hälsodisken");
        await MoteMedTvaTredjedelarAsync(demo, insats);
        var fore = await ProvaBeslutforhetAsync(demo, insats);
        fore.Should().Be("uppfylld", "fler än hälften av platserna var besatta");

        // a förbundsordning may ask for more than the law's half
        var admin = await vard.SomAsync(Roller.Admin);
        (await admin.PutAsJsonAsync(Url, new { varde = 0.999m })).EnsureSuccessStatusCode();
        try
        {
            (await ProvaBeslutforhetAsync(demo, insats)).Should().Be("ej uppfylld");
        }
        finally
        {
            (await admin.DeleteAsync(Url)).EnsureSuccessStatusCode();
        }
    }

    /// <summary>A meeting with Hälsodisken as its item where two thirds of the ledamöter's seats are served (rounded up).</summary>
    private Task MoteMedTvaTredjedelarAsync(Guid forbund, Guid insats) => vard.MedTjansterAsync(async sp =>
    {
        var db = sp.GetRequiredService<InsatsFlowDbContext>();
        var styrelse = await db.Styrelser.Where(s => s.ForbundId == forbund).OrderByDescending(s => s.MandatperiodFran).FirstAsync();
        var ledamoter = styrelse.Ledamoter.Where(l => l.Roll == InsatsFlow.Core.Domain.Styrelseroll.Ledamot).ToList();
        var narvarande = (int)Math.Ceiling(ledamoter.Count * 2 / 3.0);
        db.Sammantraden.Add(new InsatsFlow.Core.Domain.Sammantrade
        {
            ForbundId = forbund, Datum = DateOnly.FromDateTime(DateTime.UtcNow),
            Narvaro = [.. ledamoter.Select((l, i) => new InsatsFlow.Core.Domain.Narvaro { LedamotId = l.Id, Narvarande = i < narvarande })],
            Arenden = [new InsatsFlow.Core.Domain.Arende { Rubrik = "Hälsodisken", InsatsId = insats, Paragraf = 1 }],
        });
        await db.SaveChangesAsync();
        return 0;
    });

    /// <summary>The gate jav-och-beslutforhet as the lifecycle runs it for the insats, and its quorum rule's outcome.</summary>
    private Task<string> ProvaBeslutforhetAsync(Guid forbund, Guid insats) => vard.MedTjansterAsync(async sp =>
    {
        var grind = sp.GetRequiredService<IDecisionEvaluator>();
        var resultat = await grind.EvaluateAsync(new DecisionRequest("jav-och-beslutforhet", null, DateOnly.FromDateTime(DateTime.UtcNow),
            new Dictionary<string, object?> { ["insatsId"] = insats.ToString(), ["forbundId"] = forbund.ToString() }, "prov", "prov"), default);
        var regler = (IEnumerable<object?>)resultat.Output["regler"]!;
        return regler.Cast<IReadOnlyDictionary<string, object?>>().Single(r => (string?)r["regel"] == "StyrelsenBeslutfor")["utfall"]!.ToString()!;
    });
}
