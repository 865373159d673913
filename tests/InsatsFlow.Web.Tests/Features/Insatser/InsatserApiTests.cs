using System.Net;
using System.Net.Http.Json;
using InsatsFlow.Web.Tests.Support;

namespace InsatsFlow.Web.Tests.Features.Insatser;

public sealed class InsatserApiTests
{
    private sealed record Rad(string Diarienummer, string Titel, string Fas, string FasNamn, List<string> Medlemmar);

    [Fact]
    public async Task Listan_visar_demoinsatserna_med_fas()
    {
        await using var factory = new InsatsFlowFactory();
        var client = factory.CreateClient();

        var rader = await client.GetFromJsonAsync<List<Rad>>("/api/insatser");

        rader.Should().HaveCount(10);
        var halsodisken = rader!.Single(r => r.Titel == "Hälsodisken");
        halsodisken.Fas.Should().Be("Genomforande");
        halsodisken.FasNamn.Should().Be("Genomförande");
        halsodisken.Medlemmar.Should().Contain("Försäkringskassan");
    }

    [Fact]
    public async Task Utan_demodata_ar_listan_tom()
    {
        await using var factory = new InsatsFlowFactory(demoData: false);
        var client = factory.CreateClient();

        var response = await client.GetAsync("/api/insatser");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<List<Rad>>()).Should().BeEmpty();
    }

    [Fact]
    public async Task En_andra_start_mot_samma_fil_lagger_inte_in_demodata_igen()
    {
        await using var first = new InsatsFlowFactory();
        (await first.CreateClient().GetFromJsonAsync<List<Rad>>("/api/insatser")).Should().HaveCount(10);

        await using var second = new InsatsFlowFactory(databaseFile: first.DatabaseFile);
        (await second.CreateClient().GetFromJsonAsync<List<Rad>>("/api/insatser")).Should().HaveCount(10);
    }
}
