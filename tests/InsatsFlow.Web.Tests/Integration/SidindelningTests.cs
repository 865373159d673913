using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Web.Tests.Support;

namespace InsatsFlow.Web.Tests.Integration;

/// <summary>/api/insatser is read page by page (issue 17): a stable order, stable limits and the next page's address.</summary>
public sealed class SidindelningTests(ApiVard vard) : IClassFixture<ApiVard>
{
    private sealed record Rad(Guid Id, string Diarienummer, string Titel, string Fas);
    private sealed record Sida(List<Rad> Poster, int Antal, int Totalt, string? Nasta);

    [Fact]
    public async Task Nasta_sida_foljer_tills_alla_insatser_ar_lasta_en_gang_var()
    {
        var kansli = await vard.SomAsync(Roller.Kansli);
        var lasta = new List<Rad>();
        string? adress = "/api/insatser?antal=5";
        var totalt = 0;

        while (adress is not null)
        {
            var sida = (await kansli.GetFromJsonAsync<Sida>(adress))!;
            sida.Poster.Count.Should().BeLessThanOrEqualTo(5);
            lasta.AddRange(sida.Poster);
            totalt = sida.Totalt;
            adress = sida.Nasta;
        }

        lasta.Should().HaveCount(totalt).And.OnlyHaveUniqueItems(r => r.Id);
        lasta.Select(r => r.Diarienummer).Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public async Task Filtret_pa_fas_och_fallande_titel_galler_pa_varje_sida()
    {
        var kansli = await vard.SomAsync(Roller.Kansli);

        var sida = (await kansli.GetFromJsonAsync<Sida>("/api/insatser?fas=Genomforande&sortering=-titel"))!;

        sida.Poster.Should().NotBeEmpty().And.OnlyContain(r => r.Fas == "Genomforande");
        sida.Poster.Select(r => r.Titel).Should().BeInDescendingOrder(StringComparer.Ordinal);
    }

    [Theory]
    [InlineData("antal=201", "antal")]
    [InlineData("antal=0", "antal")]
    [InlineData("sida=0", "sida")]
    [InlineData("sortering=pengar", "sortering")]
    [InlineData("fas=Okand", "fas")]
    public async Task En_ogiltig_parameter_ar_ett_400_som_namnger_den(string fraga, string falt)
    {
        var kansli = await vard.SomAsync(Roller.Kansli);

        using var svar = await kansli.GetAsync("/api/insatser?" + fraga);
        var problem = await svar.Content.ReadFromJsonAsync<JsonElement>();

        svar.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty(falt, out _).Should().BeTrue();
    }
}
