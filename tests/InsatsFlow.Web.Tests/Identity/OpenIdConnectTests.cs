using InsatsFlow.Web.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Web.Tests.Identity;

/// <summary>A public-sector identity provider is plugged in by configuration alone.</summary>
public sealed class OpenIdConnectTests
{
    [Fact]
    public async Task Utan_konfiguration_finns_bara_lokala_konton()
    {
        await using var factory = new InsatsFlowFactory(demoData: false);
        _ = factory.CreateClient();

        var schemes = await factory.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetAllSchemesAsync();

        schemes.Select(s => s.Name).Should().NotContain("OpenIdConnect");
    }

    [Fact]
    public async Task Med_en_utfardare_i_konfigurationen_erbjuds_inloggning_via_OpenID_Connect()
    {
        await using var factory = new InsatsFlowFactory(demoData: false);
        var medOidc = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Authentication:Oidc:Authority", "https://idp.example.se");
            b.UseSetting("Authentication:Oidc:ClientId", "insatsflow");
            b.UseSetting("Authentication:Oidc:DisplayName", "Logga in med e-legitimation");
        });
        _ = medOidc.CreateClient();

        var scheme = await medOidc.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync("OpenIdConnect");

        scheme.Should().NotBeNull();
        scheme!.DisplayName.Should().Be("Logga in med e-legitimation");
    }
}
