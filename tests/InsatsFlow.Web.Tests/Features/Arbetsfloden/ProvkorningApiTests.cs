using System.Net;
using System.Text;
using System.Text.Json;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Data;
using InsatsFlow.Engine.Store;
using InsatsFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Web.Tests.Features.Arbetsfloden;

/// <summary>"Provkör utkastet": a draft runs against synthetic insatser on throw-away data, through the API.</summary>
public sealed class ProvkorningApiTests(ApiVard vard) : IClassFixture<ApiVard>
{
    private static readonly string Livscykel = File.ReadAllText(Path.Combine(Reporot(), "workflows", "insats-livscykel.bpmn"));

    private static string Reporot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "InsatsFlow.sln"))) return dir.FullName;
        throw new InvalidOperationException("Hittar inte InsatsFlow.sln ovanför testerna.");
    }

    private static StringContent Xml(string xml) => new(xml, Encoding.UTF8, "application/xml");

    private async Task<(HttpStatusCode Status, JsonElement Svar)> ProvkorAsync(string roll, string xml, int antal)
    {
        var response = await (await vard.SomAsync(roll)).PostAsync($"/api/arbetsfloden/provkorning?antal={antal}", Xml(xml));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.Clone());
    }

    private Task<(int Versioner, int Instanser, int Insatser)> RakningAsync() => vard.MedTjansterAsync(async sp =>
    {
        var db = sp.GetRequiredService<InsatsFlowDbContext>();
        return (await db.Set<ProcessDefinition>().CountAsync(), await db.Set<ProcessInstance>().IgnoreQueryFilters().CountAsync(),
            await db.Insatser.IgnoreQueryFilters().CountAsync());
    });

    [Fact]
    public async Task Livscykeln_provkors_mot_tre_insatser_och_visar_vagar_och_fasernas_arbetsdagar_utan_att_nagot_andras()
    {
        var fore = await RakningAsync();

        var (status, svar) = await ProvkorAsync(Roller.Kansli, Livscykel, 3);

        status.Should().Be(HttpStatusCode.OK, svar.ToString());
        svar.GetProperty("processNyckel").GetString().Should().Be("insats-livscykel");
        svar.GetProperty("insatser").GetInt32().Should().Be(3);
        var element = svar.GetProperty("element").EnumerateArray().ToList();
        element.Should().Contain(e => e.GetProperty("id").GetString() == "Activity_fas_idefas" && e.GetProperty("insatser").GetInt32() == 3);
        svar.GetProperty("floden").EnumerateArray().Should().NotBeEmpty();
        var faser = svar.GetProperty("faser").EnumerateArray().ToList();
        faser.Should().Contain(f => f.GetProperty("fas").GetString() == "Idéfas" && f.GetProperty("insatser").GetInt32() == 3);
        faser.Should().OnlyContain(f => f.GetProperty("minst").GetInt32() >= 0 && f.GetProperty("mest").GetInt32() >= f.GetProperty("minst").GetInt32());
        (await RakningAsync()).Should().Be(fore, "provkörningen publicerar inget och rör inte förbundets data");
    }

    [Fact]
    public async Task Ett_steg_som_far_en_incident_visas_som_stallet_dar_insatserna_fastnade()
    {
        var (status, svar) = await ProvkorAsync(Roller.Kansli, Provfloden.Fallerande("provkor-fallerande"), 2);

        status.Should().Be(HttpStatusCode.OK, svar.ToString());
        svar.GetProperty("avslutade").GetInt32().Should().Be(0);
        var fastnad = svar.GetProperty("fastnade").EnumerateArray().Should().ContainSingle().Subject;
        fastnad.GetProperty("elementId").GetString().Should().Be("Skicka");
        fastnad.GetProperty("namn").GetString().Should().Be("Skicka brev");
        fastnad.GetProperty("insatser").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task Ett_trasigt_utkast_nekas_med_det_element_som_ar_fel_och_inget_kors()
    {
        var (status, svar) = await ProvkorAsync(Roller.Kansli, Provfloden.Ogiltig("provkor-trasigt"), 2);

        status.Should().Be(HttpStatusCode.BadRequest);
        svar.GetProperty("title").GetString().Should().Contain("provköras");
        svar.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Contain("Flode_trasigt");
    }

    [Fact]
    public async Task Fler_insatser_an_granser_tillater_nekas_med_faltet_antal()
    {
        var (status, svar) = await ProvkorAsync(Roller.Kansli, Provfloden.Granskning("provkor-for-manga"), 10_000);

        status.Should().Be(HttpStatusCode.BadRequest);
        svar.GetProperty("errors").GetProperty("antal")[0].GetString().Should().Contain("mellan 1 och");
    }

    [Theory]
    [InlineData(Roller.Jurist)]
    [InlineData(Roller.Revisor)]
    public async Task Bara_de_som_far_utforma_arbetsfloden_far_provkora(string roll)
    {
        var (status, svar) = await ProvkorAsync(roll, Provfloden.Granskning("provkor-behorighet"), 1);

        status.Should().Be(HttpStatusCode.Forbidden);
        svar.GetProperty("detail").GetString().Should().Contain("kansliet");
    }
}
