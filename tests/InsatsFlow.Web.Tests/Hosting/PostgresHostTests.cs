using System.Net;
using System.Net.Http.Json;
using InsatsFlow.Data;
using InsatsFlow.Web.Tests.Support;

namespace InsatsFlow.Web.Tests.Hosting;

/// <summary>The real host with InsatsFlow:Databas = postgres: migrations, demo data and the API, as on SQLite.</summary>
public sealed class PostgresHostTests
{
    private sealed record Rad(string Diarienummer, string Titel, string Fas);
    private sealed record Sida(List<Rad> Poster);

    [Fact]
    public async Task Pa_postgres_migreras_databasen_demodata_laggs_in_och_tjansten_svarar()
    {
        await using var factory = new InsatsFlowFactory(provider: DatabaseProvider.Postgres);
        var client = await factory.LoggaInAsync(Inloggning.Kansli);

        var health = await client.GetAsync("/health");
        health.StatusCode.Should().Be(HttpStatusCode.OK);
        (await health.Content.ReadAsStringAsync()).Should().Be("Healthy");

        var rader = (await client.GetFromJsonAsync<Sida>("/api/insatser"))!.Poster;
        rader.Should().HaveCountGreaterThanOrEqualTo(10);
        rader!.Single(r => r.Titel == "Hälsodisken").Fas.Should().Be("Genomforande");
    }
}
