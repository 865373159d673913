using System.Net;
using System.Net.Http.Json;
using InsatsFlow.Web.Tests.Support;

namespace InsatsFlow.Web.Tests.Features.Insatser;

/// <summary>Registering an insats starts its lifecycle; the sökande who registers it gets its first task.</summary>
public sealed class InsatsRegistreringTests : IAsyncLifetime
{
    private readonly InsatsFlowFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private sealed record Registrerad(Guid Id, string Diarienummer, string? InstansId, List<string> Uppgifter);
    private sealed record Rad(Guid Id, string Titel, string Fas);
    private sealed record Sida(List<Rad> Poster);
    private sealed record Uppgift(string Id, string Namn, string? Affarsnyckel);

    [Fact]
    public async Task En_sokande_registrerar_en_insats_och_far_ideformularet_i_sin_inkorg()
    {
        var sokande = await factory.LoggaInAsync(Inloggning.Sokande);

        var svar = await sokande.PostAsJsonAsync("/api/insatser", new { titel = "Stöd till unga vuxna", sokandeOrganisation = "Norrby kommun" });

        svar.StatusCode.Should().Be(HttpStatusCode.Created);
        var registrerad = (await svar.Content.ReadFromJsonAsync<Registrerad>())!;
        registrerad.Diarienummer.Should().MatchRegex(@"^SF \d{4}/\d{3}$");
        (await sokande.GetFromJsonAsync<Sida>("/api/insatser"))!.Poster.Should().Contain(r => r.Id == registrerad.Id && r.Fas == "Idefas");
        (await sokande.PosterAsync<Uppgift>("/api/uppgifter/grupp"))
            .Should().ContainSingle(u => u.Affarsnyckel == registrerad.Id.ToString());
    }

    [Fact]
    public async Task En_annan_sokande_ser_inte_insatsens_uppgift_och_kan_inte_oppna_den()
    {
        var sokande = await factory.LoggaInAsync(Inloggning.Sokande);
        var registrerad = (await (await sokande.PostAsJsonAsync("/api/insatser", new { titel = "Egen insats", sokandeOrganisation = "Söderby kommun" }))
            .Content.ReadFromJsonAsync<Registrerad>())!;
        var kansli = await factory.LoggaInAsync(Inloggning.Kansli);
        var kanslietsInsats = (await (await kansli.PostAsJsonAsync("/api/insatser", new { titel = "Kansliets insats", sokandeOrganisation = "Region Demo" }))
            .Content.ReadFromJsonAsync<Registrerad>())!;

        var synliga = await sokande.PosterAsync<Uppgift>("/api/uppgifter/grupp");

        synliga!.Select(u => u.Affarsnyckel).Should().Contain(registrerad.Id.ToString()).And.NotContain(kanslietsInsats.Id.ToString());
        (await sokande.GetAsync($"/api/uppgifter/{kanslietsInsats.Uppgifter.Single()}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task En_insats_utan_titel_avvisas_med_faltet_namngivet_och_inget_skapas()
    {
        var kansli = await factory.LoggaInAsync(Inloggning.Kansli);
        var fore = (await kansli.GetFromJsonAsync<Sida>("/api/insatser"))!.Poster.Count;

        var svar = await kansli.PostAsJsonAsync("/api/insatser", new { titel = "", sokandeOrganisation = "Norrby kommun" });

        svar.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await svar.Content.ReadAsStringAsync()).Should().Contain("titel").And.Contain("Titel måste fyllas i.");
        (await kansli.GetFromJsonAsync<Sida>("/api/insatser"))!.Poster.Count.Should().Be(fore);
    }

    [Fact]
    public async Task En_revisor_far_inte_registrera_insatser()
    {
        var revisor = await factory.LoggaInAsync(Inloggning.Revisor);

        var svar = await revisor.PostAsJsonAsync("/api/insatser", new { titel = "X", sokandeOrganisation = "Y" });

        svar.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
