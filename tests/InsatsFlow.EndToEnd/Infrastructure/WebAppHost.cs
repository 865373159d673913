using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.EndToEnd.Infrastructure;

/// <summary>
/// The real InsatsFlow web host (its Program) on real Kestrel at a free loopback port, for browser tests
/// of the actual pages. Extend ConfigureWebHost with test settings (temp SQLite file, demo data) as the host grows.
/// </summary>
public sealed class WebAppHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    public WebAppHost()
    {
        UseKestrel(0);
    }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
    }

    public Task InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        BaseAddress = new Uri(addresses.Addresses.First().TrimEnd('/') + "/");
        return Task.CompletedTask;
    }

    public Uri Url(string relativePath) => new(BaseAddress, relativePath);

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
