using System.Net;
using InsatsFlow.Web.Tests.Support;

namespace InsatsFlow.Web.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_svarar_friskt_nar_databasen_ar_migrerad()
    {
        await using var factory = new InsatsFlowFactory(demoData: false);
        var client = factory.CreateClient();

        var response = await client.GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task Starten_skapar_databasfilen()
    {
        await using var factory = new InsatsFlowFactory(demoData: false);
        _ = factory.CreateClient();

        File.Exists(factory.DatabaseFile).Should().BeTrue();
    }
}
