using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Web.Tests.Support;
using InsatsFlow.Data;
using InsatsFlow.Data.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Web.Tests.Identity;

/// <summary>Reminders and escalations reach the right people through their accounts.</summary>
public sealed class MottagarkatalogTests
{
    private static async Task<IReadOnlyList<Epostadress>> SlaUppAsync(InsatsFlowFactory factory, Mottagare mottagare, string? organisationsnummer = null)
    {
        _ = factory.CreateClient();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>();
        var forbund = organisationsnummer is null ? null
            : await db.Forbund.IgnoreQueryFilters().Where(f => f.Organisationsnummer == organisationsnummer).Select(f => (Guid?)f.Id).SingleAsync();
        return await scope.ServiceProvider.GetRequiredService<IMottagarkatalog>().SlaUppAsync(mottagare, forbund, CancellationToken.None);
    }

    [Fact]
    public async Task Eskaleringar_till_forbundschefen_nar_den_som_ar_markerad_som_forbundschef()
    {
        await using var factory = new InsatsFlowFactory();

        var adresser = await SlaUppAsync(factory, Mottagare.Grupp("forbundschef"), DemoSeeder.Organisationsnummer);

        adresser.Should().ContainSingle().Which.Adress.Should().Be(Inloggning.Kansli);
    }

    [Fact]
    public async Task En_grupp_utan_forbund_nar_ingen_nar_installationen_har_flera_forbund()
    {
        await using var factory = new InsatsFlowFactory();

        // Demo and Nordvik: "beredningsgrupp" of no förbund would be both förbunds' people, so it is nobody's (the dispatcher shows it instead)
        (await SlaUppAsync(factory, Mottagare.Grupp("beredningsgrupp"))).Should().BeEmpty();
        (await SlaUppAsync(factory, Mottagare.Grupp("forbundschef"))).Should().BeEmpty();
    }

    [Fact]
    public async Task En_anvandare_utan_forbund_nas_anda_pa_sitt_anvandarnamn()
    {
        await using var factory = new InsatsFlowFactory();

        (await SlaUppAsync(factory, Mottagare.Anvandare(Inloggning.Kansli))).Should().ContainSingle().Which.Adress.Should().Be(Inloggning.Kansli);
    }

    [Fact]
    public async Task En_grupp_i_ett_forbund_nar_bara_det_forbundets_med_rollen()
    {
        await using var factory = new InsatsFlowFactory();

        var demo = await SlaUppAsync(factory, Mottagare.Grupp("beredningsgrupp"), DemoSeeder.Organisationsnummer);
        var nordvik = await SlaUppAsync(factory, Mottagare.Grupp("beredningsgrupp"), DemoSeeder.NordvikOrganisationsnummer);

        demo.Select(a => a.Adress).Should().HaveCount(4).And.Contain(Inloggning.Beredning).And.NotContain("beredning.nordvik@demo.insatsflow.se");
        nordvik.Select(a => a.Adress).Should().Equal("beredning.nordvik@demo.insatsflow.se");
    }

    [Fact]
    public async Task Forbundschefen_i_ett_forbund_ar_bara_det_forbundets()
    {
        await using var factory = new InsatsFlowFactory();

        (await SlaUppAsync(factory, Mottagare.Grupp("forbundschef"), DemoSeeder.Organisationsnummer)).Should().ContainSingle().Which.Adress.Should().Be(Inloggning.Kansli);
        (await SlaUppAsync(factory, Mottagare.Grupp("forbundschef"), DemoSeeder.NordvikOrganisationsnummer)).Should().BeEmpty("Nordvik has no förbundschef of its own");
    }

    [Fact]
    public async Task En_anvandare_nas_pa_sitt_anvandarnamn_med_sitt_namn()
    {
        await using var factory = new InsatsFlowFactory();

        var adresser = await SlaUppAsync(factory, Mottagare.Anvandare(Inloggning.Sokande));

        adresser.Should().ContainSingle().Which.Should().Be(new Epostadress("Helena Strand", Inloggning.Sokande));
    }
}
