using System.Net;
using System.Net.Http.Json;
using InsatsFlow.Web.Tests.Support;

namespace InsatsFlow.Web.Tests.Features.Insatser;

public sealed class InsatserApiTests
{
    private sealed record Rad(string Diarienummer, string Titel, string Fas, string FasNamn, List<string> Medlemmar);
    private sealed record Sida(List<Rad> Poster);

    [Fact]
    public async Task Kansliet_ser_alla_demoinsatser_med_fas()
    {
        await using var factory = new InsatsFlowFactory();
        var client = await factory.LoggaInAsync(Inloggning.Kansli);

        var rader = (await client.GetFromJsonAsync<Sida>("/api/insatser"))!.Poster;

        // The ten examples of the training material, and three insatser the demo's running processes registered.
        rader.Should().HaveCount(13);
        var halsodisken = rader!.Single(r => r.Titel == "Hälsodisken");
        halsodisken.Fas.Should().Be("Genomforande");
        halsodisken.FasNamn.Should().Be("Genomförande");
        halsodisken.Medlemmar.Should().Contain("Försäkringskassan");
    }

    [Fact]
    public async Task En_sokande_ser_bara_insatser_dar_hen_ar_kontaktperson()
    {
        await using var factory = new InsatsFlowFactory();
        var client = await factory.LoggaInAsync(Inloggning.Sokande);

        var rader = (await client.GetFromJsonAsync<Sida>("/api/insatser"))!.Poster;

        rader!.Select(r => r.Titel).Should().Contain("Hälsodisken").And.NotContain(["SANNA", "Rodret", "Navigatorcenter"]);
    }

    [Fact]
    public async Task Utan_inloggning_svarar_api_401()
    {
        await using var factory = new InsatsFlowFactory();

        var response = await factory.CreateClient().GetAsync("/api/insatser");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task En_andra_start_mot_samma_fil_lagger_inte_in_demodata_igen()
    {
        await using var first = new InsatsFlowFactory();
        var firstClient = await first.LoggaInAsync(Inloggning.Kansli);
        (await firstClient.GetFromJsonAsync<Sida>("/api/insatser"))!.Poster.Should().HaveCount(13);

        await using var second = new InsatsFlowFactory(databaseFile: first.DatabaseFile);
        var secondClient = await second.LoggaInAsync(Inloggning.Kansli);
        (await secondClient.GetFromJsonAsync<Sida>("/api/insatser"))!.Poster.Should().HaveCount(13);
    }
}
