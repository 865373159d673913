using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Web.Tests.Support;
using MiniExcelLibs;

namespace InsatsFlow.Web.Tests.Features.Export;

/// <summary>GET /api/export/sus and /api/export/arkiv on the demo förbund.</summary>
public sealed class ExportApiTests(ApiVard vard) : IClassFixture<ApiVard>
{
    private static readonly int Ar = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm")).Year;

    [Fact]
    public async Task SUS_exporten_som_Excel_har_en_rad_per_finansierad_insats_och_samverkansbudgeten()
    {
        var client = await vard.SomAsync(Roller.Kansli);

        using var svar = await client.GetAsync($"/api/export/sus?ar={Ar}&format=xlsx");

        svar.StatusCode.Should().Be(HttpStatusCode.OK, await svar.Content.ReadAsStringAsync());
        svar.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        svar.Content.Headers.ContentDisposition!.FileNameStar.Should().Be($"sus-{Ar}.xlsx");
        using var xlsx = new MemoryStream(await svar.Content.ReadAsByteArrayAsync());
        xlsx.GetSheetNames().Should().Equal("Insatser", "Samverkansbudget");
        var namn = xlsx.Query(useHeaderRow: true, sheetName: "Insatser").Cast<IDictionary<string, object?>>().Select(r => (string)r["Insatsens namn"]!).ToList();
        namn.Should().BeEquivalentTo("Hälsodisken", "Tidig och samordnad rehabilitering", "Arbetsmarknadstorget", "Navigatorcenter");
    }

    [Fact]
    public async Task SUS_exporten_som_CSV_ar_semikolonseparerad()
    {
        var client = await vard.SomAsync(Roller.Revisor);

        var text = await client.GetStringAsync($"/api/export/sus?ar={Ar}&format=csv");

        text.TrimStart('\uFEFF').Should().StartWith("Diarienummer;Insatsens namn;Beskrivning;Startdatum;Slutdatum;Inriktning;");
        text.Should().Contain("Samverkansbudget");
    }

    [Theory]
    [InlineData("?format=xlsx", "ar", "Ange året som ska exporteras")]
    [InlineData("?ar=2026&format=pdf", "format", "Formatet \"pdf\" finns inte; välj xlsx eller csv.")]
    public async Task En_felaktig_begaran_far_ett_svenskt_400_som_namnger_parametern(string fraga, string falt, string meddelande)
    {
        var client = await vard.SomAsync(Roller.Kansli);

        using var svar = await client.GetAsync("/api/export/sus" + fraga);

        svar.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = JsonDocument.Parse(await svar.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("errors").GetProperty(falt)[0].GetString().Should().StartWith(meddelande);
    }

    [Fact]
    public async Task En_oppen_insats_kan_inte_arkiveras_och_svaret_sager_varfor()
    {
        var client = await vard.SomAsync(Roller.Kansli);

        using var svar = await client.GetAsync("/api/export/arkiv?diarienummer=" + Uri.EscapeDataString($"SF {Ar - 2}/003"));

        svar.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = JsonDocument.Parse(await svar.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("title").GetString().Should().Be("Insatsen kan inte arkiveras.");
        problem.GetProperty("saknas")[0].GetString().Should().Be("insatsen är inte avslutad (fas: Genomförande); bara ett avslutat ärende kan arkiveras");
    }

    [Fact]
    public async Task En_avslutad_insats_laddas_ner_som_zippat_arkivpaket_med_en_rotmapp()
    {
        var client = await vard.SomAsync(Roller.Kansli);

        using var svar = await client.GetAsync("/api/export/arkiv?diarienummer=" + Uri.EscapeDataString($"SF {Ar - 5}/004"));

        svar.StatusCode.Should().Be(HttpStatusCode.OK, await svar.Content.ReadAsStringAsync());
        using var zip = new ZipArchive(new MemoryStream(await svar.Content.ReadAsByteArrayAsync()));
        var rotmappar = zip.Entries.Select(e => e.FullName.Split('/')[0]).Distinct().ToList();
        rotmappar.Should().ContainSingle().Which.Should().StartWith($"SF-{Ar - 5}-004_");
        zip.Entries.Select(e => e.FullName[(rotmappar[0].Length + 1)..]).Should().Contain(["METS.xml", "manifest-sha256.txt", "metadata/descriptive/erms.xml", "representations/rep1/data/arende/diarium.json"]);
    }

    [Fact]
    public async Task SUS_uppgifter_med_ett_okant_varde_avvisas_med_faltet_namngivet()
    {
        var client = await vard.SomAsync(Roller.Kansli);
        var id = await vard.InsatsIdAsync("Locus-teamet");

        using var svar = await client.PutAsync($"/api/insatser/{id}/sus", new StringContent(
            """{"inriktning":"individinriktad","preciseradInriktning":"kompetensutveckling","malgrupper":[]}""", System.Text.Encoding.UTF8, "application/json"));

        svar.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = JsonDocument.Parse(await svar.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("errors").GetProperty("preciseradInriktning")[0].GetString().Should().Be("\"Kompetensutveckling\" hör till inriktningen Strukturövergripande, inte Individinriktad.");
    }

    [Fact]
    public async Task SUS_uppgifter_som_kansliet_registrerar_sparas_pa_insatsen()
    {
        var client = await vard.SomAsync(Roller.Kansli);
        var id = await vard.InsatsIdAsync("Locus-teamet");

        using var svar = await client.PutAsync($"/api/insatser/{id}/sus", new StringContent(
            """{"beskrivning":"Stöd till unga vuxna.","inriktning":"individinriktad","preciseradInriktning":"samordnad-rehabilitering","malgrupper":["sjukskrivna"]}""",
            System.Text.Encoding.UTF8, "application/json"));

        svar.StatusCode.Should().Be(HttpStatusCode.OK);
        var sparad = await vard.MedTjansterAsync(async tjanster => (await tjanster.GetRequiredService<InsatsFlow.Data.InsatsFlowDbContext>()
            .Insatser.AsNoTracking().SingleAsync(i => i.Id == id)).Sus.Beskrivning);
        sparad.Should().Be("Stöd till unga vuxna.");
    }
}
