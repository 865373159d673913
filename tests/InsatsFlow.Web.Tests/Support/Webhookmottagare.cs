using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InsatsFlow.Web.Tests.Support;

/// <summary>
/// A real HTTP receiver for webhooks: a minimal Kestrel app on a free loopback port. It keeps every request it gets
/// (headers and body) and answers each path with the status codes it is told, in turn (200 when none are left).
/// </summary>
public sealed class Webhookmottagare : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> svar = new();
    private readonly Channel<MottagenWebhook> mottagna = Channel.CreateUnbounded<MottagenWebhook>();

    private Webhookmottagare(WebApplication app) => this.app = app;

    public string Adress { get; private set; } = "";

    public List<MottagenWebhook> Alla { get; } = [];

    public static async Task<Webhookmottagare> StartaAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var mottagare = new Webhookmottagare(app);
        app.MapPost("/{**sokvag}", async (HttpContext http) =>
        {
            using var lasare = new StreamReader(http.Request.Body);
            var kropp = await lasare.ReadToEndAsync();
            var sokvag = http.Request.Path.Value ?? "/";
            var rad = new MottagenWebhook(sokvag, http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), kropp);
            lock (mottagare.Alla) mottagare.Alla.Add(rad);
            await mottagare.mottagna.Writer.WriteAsync(rad);
            return Results.StatusCode(mottagare.svar.TryGetValue(sokvag, out var ko) && ko.TryDequeue(out var status) ? status : 200);
        });
        await app.StartAsync();
        mottagare.Adress = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return mottagare;
    }

    /// <summary>The next answers to requests on <paramref name="sokvag"/>, in turn.</summary>
    public void SvaraMed(string sokvag, params int[] statuskoder)
    {
        var ko = svar.GetOrAdd(sokvag, _ => new ConcurrentQueue<int>());
        foreach (var s in statuskoder) ko.Enqueue(s);
    }

    /// <summary>The next request on <paramref name="sokvag"/> that the test has not taken yet (waiting for it at most 30 s).</summary>
    public async Task<MottagenWebhook> NastaAsync(string sokvag, Func<MottagenWebhook, bool>? villkor = null)
    {
        using var grans = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var rad = await mottagna.Reader.ReadAsync(grans.Token);
            if (rad.Sokvag == sokvag && (villkor is null || villkor(rad))) return rad;
        }
    }

    public List<MottagenWebhook> Till(string sokvag)
    {
        lock (Alla) return Alla.Where(r => r.Sokvag == sokvag).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed record MottagenWebhook(string Sokvag, IReadOnlyDictionary<string, string> Rubriker, string Kropp)
{
    public string Id => Rubriker["webhook-id"];
    public string Tid => Rubriker["webhook-timestamp"];
    public string Signatur => Rubriker["webhook-signature"];
    public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Kropp).RootElement;
    public string Typ => Json.GetProperty("type").GetString()!;
}
