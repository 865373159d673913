using System.Net;
using InsatsFlow.Web.Tests.Support;

namespace InsatsFlow.Web.Tests.Identity;

public sealed class InloggningTests
{
    [Fact]
    public async Task Fel_losenord_skickar_tillbaka_till_inloggningen_med_felmeddelande()
    {
        await using var factory = new InsatsFlowFactory();
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PostAsync("/konto/logga-in", await Inloggning.FormularAsync(client, Inloggning.Kansli, "fel-losenord-123"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().StartWith("/logga-in?fel=fel");
    }

    [Fact]
    public async Task Inloggning_utan_antiforgery_token_avvisas()
    {
        await using var factory = new InsatsFlowFactory();
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        _ = await client.GetStringAsync("/logga-in");

        var response = await client.PostAsync("/konto/logga-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["epost"] = Inloggning.Kansli,
            ["losenord"] = Inloggning.DemoPassword,
        }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task En_sida_utan_inloggning_leder_till_inloggningen()
    {
        await using var factory = new InsatsFlowFactory();
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/insatser");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.Should().Be("/logga-in");
    }

    [Fact]
    public async Task Inloggad_anvandare_ser_sitt_namn_och_oversikten()
    {
        await using var factory = new InsatsFlowFactory();
        var client = await factory.LoggaInAsync(Inloggning.Beredning);

        var html = await client.GetStringAsync("/");

        html.Should().Contain("Bengt Beredare").And.Contain("Insatser per fas");
    }

    [Fact]
    public async Task Varje_svar_bar_sakerhetshuvuden()
    {
        await using var factory = new InsatsFlowFactory();

        var response = await factory.CreateClient().GetAsync("/logga-in");

        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("frame-ancestors 'none'");
    }
}
