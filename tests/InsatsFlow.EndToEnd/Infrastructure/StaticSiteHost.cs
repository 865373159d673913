using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using InsatsFlow.Web.Security;

namespace InsatsFlow.EndToEnd.Infrastructure;

/// <summary>
/// A tiny Kestrel host on a free loopback port that serves static files — the web project's wwwroot
/// (designer-demo.html and the dist bundle) plus this project's test pages — behind the web project's own
/// security headers (its Content-Security-Policy), without its database. For the real pages use <see cref="WebAppHost"/>.
/// </summary>
public sealed class StaticSiteHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private StaticSiteHost(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<StaticSiteHost> StartAsync(params string[] roots)
    {
        foreach (var root in roots)
        {
            if (!Directory.Exists(root))
            {
                throw new DirectoryNotFoundException($"Mappen som ska serveras finns inte: {root}");
            }
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = roots[0] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();

        var app = builder.Build();
        app.UseSecurityHeaders();
        var contentTypes = new FileExtensionContentTypeProvider();
        contentTypes.Mappings[".bpmn"] = "application/xml";
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new CompositeFileProvider(roots.Select(r => new PhysicalFileProvider(r))),
            ContentTypeProvider = contentTypes,
        });

        await app.StartAsync();
        return new StaticSiteHost(app, new Uri(app.Urls.Single() + "/"));
    }

    public Uri Url(string relativePath) => new(BaseAddress, relativePath);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
