using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.EndToEnd.Infrastructure;

/// <summary>
/// The real InsatsFlow web host (its Program, with its security headers and static assets) on real Kestrel
/// at a free loopback port, on its own SQLite file in a temp directory, with the demo data and accounts.
/// </summary>
public sealed class WebAppHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    public WebAppHost()
    {
        UseKestrel(0);
    }

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "insatsflow-e2e", Guid.NewGuid().ToString("N"));

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        System.IO.Directory.CreateDirectory(Directory);
        builder.UseEnvironment("Test");
        // MapStaticAssets serves wwwroot (and dist/) from the build output's manifest only in Development
        // or after publish; the tests run the build output in "Test".
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:InsatsFlow", $"Data Source={Path.Combine(Directory, "insatsflow.db")};Pooling=False");
        builder.UseSetting("DemoData:Enabled", "true");
    }

    public Task InitializeAsync()
    {
        var bundle = Path.Combine(RepoPaths.WebRoot, "dist", "designer.js");
        if (!File.Exists(bundle))
        {
            throw new InvalidOperationException(
                $"Designerpaketet saknas ({bundle}). Bygg webbprojektet (dotnet build src/InsatsFlow.Web), " +
                "som kör npm ci och esbuild via ClientApp/ClientApp.targets.");
        }

        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        BaseAddress = new Uri(addresses.Addresses.First().TrimEnd('/') + "/");
        return Task.CompletedTask;
    }

    public Uri Url(string relativePath) => new(BaseAddress, relativePath);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { /* left in temp on a slow runner; harmless */ }
    }
}
