namespace InsatsFlow.EndToEnd.Infrastructure;

/// <summary>Serves the web project's wwwroot and the test pages; fails early when the designer bundle is missing.</summary>
public sealed class DesignerSiteFixture : IAsyncLifetime
{
    private StaticSiteHost? host;

    public StaticSiteHost Host => host ?? throw new InvalidOperationException("Webbplatsen är inte startad.");

    public async Task InitializeAsync()
    {
        var bundle = Path.Combine(RepoPaths.WebRoot, "dist", "designer.js");
        if (!File.Exists(bundle))
        {
            throw new InvalidOperationException(
                $"Designerpaketet saknas ({bundle}). Bygg webbprojektet (dotnet build src/InsatsFlow.Web), " +
                "som kör npm ci och esbuild via ClientApp/ClientApp.targets.");
        }

        host = await StaticSiteHost.StartAsync(RepoPaths.WebRoot, RepoPaths.TestPages);
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}
