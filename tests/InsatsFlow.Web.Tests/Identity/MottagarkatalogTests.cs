using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Web.Tests.Identity;

/// <summary>Reminders and escalations reach the right people through their accounts.</summary>
public sealed class MottagarkatalogTests
{
    private static async Task<IReadOnlyList<Epostadress>> SlaUppAsync(InsatsFlowFactory factory, Mottagare mottagare)
    {
        _ = factory.CreateClient();
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMottagarkatalog>().SlaUppAsync(mottagare, CancellationToken.None);
    }

    [Fact]
    public async Task Eskaleringar_till_forbundschefen_nar_den_som_ar_markerad_som_forbundschef()
    {
        await using var factory = new InsatsFlowFactory();

        var adresser = await SlaUppAsync(factory, Mottagare.Grupp("forbundschef"));

        adresser.Should().ContainSingle().Which.Adress.Should().Be(Inloggning.Kansli);
    }

    [Fact]
    public async Task En_grupp_nar_alla_med_rollen()
    {
        await using var factory = new InsatsFlowFactory();

        var adresser = await SlaUppAsync(factory, Mottagare.Grupp("beredningsgrupp"));

        // a notification names no förbund yet, so a group reaches the role in every förbund: Demo's four and Nordvik's one
        adresser.Select(a => a.Adress).Should().HaveCount(5).And.Contain(Inloggning.Beredning);
    }

    [Fact]
    public async Task En_anvandare_nas_pa_sitt_anvandarnamn_med_sitt_namn()
    {
        await using var factory = new InsatsFlowFactory();

        var adresser = await SlaUppAsync(factory, Mottagare.Anvandare(Inloggning.Sokande));

        adresser.Should().ContainSingle().Which.Should().Be(new Epostadress("Helena Strand", Inloggning.Sokande));
    }
}
