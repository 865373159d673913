using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Web.Tests.Support;

namespace InsatsFlow.Web.Tests.Integration;

/// <summary>Every list of the API is read page by page in the shape of /api/insatser: {poster, sida, antal, totalt, nasta}.</summary>
public sealed class ListsidorTests(ApiVard vard) : IClassFixture<ApiVard>
{
    private sealed record Post(long Nummer);
    private sealed record Uppgift(string Id, string Process, DateTimeOffset Skapad);

    [Fact]
    public async Task Journalen_lases_sida_for_sida_i_sin_egen_ordning_till_sista_sidan()
    {
        var instans = await RegistreradInstansAsync();
        var kansli = await vard.SomAsync(Roller.Kansli);

        var forsta = await kansli.GetFromJsonAsync<JsonElement>($"/api/instanser/{instans}/journal?antal=2");
        var alla = await kansli.PosterAsync<Post>($"/api/instanser/{instans}/journal?antal=2");

        forsta.GetProperty("poster").GetArrayLength().Should().Be(2);
        forsta.GetProperty("nasta").GetString().Should().Be($"/api/instanser/{instans}/journal?sida=2&antal=2");
        alla.Should().HaveCount(forsta.GetProperty("totalt").GetInt32());
        alla.Select(p => p.Nummer).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Gruppens_uppgifter_filtreras_pa_process_och_sorteras_nyast_forst()
    {
        var kansli = await vard.SomAsync(Roller.Kansli);

        var uppgifter = await kansli.PosterAsync<Uppgift>("/api/uppgifter/grupp?process=insats-livscykel&sortering=-skapad&antal=3");

        uppgifter.Should().NotBeEmpty().And.OnlyContain(u => u.Process == "insats-livscykel").And.OnlyHaveUniqueItems(u => u.Id);
        uppgifter.Select(u => u.Skapad).Should().BeInDescendingOrder();
    }

    [Theory]
    [InlineData("/api/uppgifter/mina?sortering=hemligt", "sortering")]
    [InlineData("/api/incidenter?antal=201", "antal")]
    [InlineData("/api/instanser?sida=0", "sida")]
    [InlineData("/api/integration/klienter?antal=0", "antal")]
    public async Task En_ogiltig_sidindelning_ar_ett_400_som_namnger_faltet(string adress, string falt)
    {
        var admin = await vard.SomAsync(adress.Contains("klienter") ? Roller.Admin : Roller.Kansli);

        using var svar = await admin.GetAsync(adress);
        var problem = await svar.Content.ReadFromJsonAsync<JsonElement>();

        svar.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty(falt, out _).Should().BeTrue();
    }

    [Fact]
    public async Task Instanserna_ar_nyast_forst_med_antalet_per_sida_som_standard_50()
    {
        var kansli = await vard.SomAsync(Roller.Kansli);

        var sida = await kansli.GetFromJsonAsync<JsonElement>("/api/instanser");

        sida.GetProperty("antal").GetInt32().Should().Be(50);
        sida.GetProperty("sida").GetInt32().Should().Be(1);
        sida.GetProperty("poster").EnumerateArray().Select(i => i.GetProperty("startad").GetDateTimeOffset()).Should().BeInDescendingOrder();
    }

    private async Task<string> RegistreradInstansAsync()
    {
        using var svar = await (await vard.SomAsync(Roller.Kansli)).PostAsJsonAsync("/api/insatser", new { titel = "Insats vars journal läses", sokandeOrganisation = "Norrby kommun" });
        svar.EnsureSuccessStatusCode();
        return (await svar.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instansId").GetString()!;
    }
}
