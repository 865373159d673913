using System.Text;
using InsatsFlow.Core.Handelser;

namespace InsatsFlow.Web.Features.Integration;

/// <summary>Posts webhooks with the host's HTTP client factory (the named client "webhooks": a time limit, no redirects,
/// so a receiver cannot send the signed body on to another address).</summary>
public sealed class HttpWebhooksandare(IHttpClientFactory klienter) : IWebhooksandare
{
    public const string Klientnamn = "webhooks";

    public async Task<int> PostaAsync(Uri url, IReadOnlyList<KeyValuePair<string, string>> rubriker, string kropp, CancellationToken ct)
    {
        using var begaran = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(kropp, Encoding.UTF8, "application/json") };
        foreach (var (namn, varde) in rubriker) begaran.Headers.TryAddWithoutValidation(namn, varde);
        using var svar = await klienter.CreateClient(Klientnamn).SendAsync(begaran, HttpCompletionOption.ResponseHeadersRead, ct);
        return (int)svar.StatusCode;
    }

    public static IServiceCollection AddWebhooksandare(IServiceCollection services, IConfiguration config)
    {
        var tidsgrans = config.GetValue("InsatsFlow:Webhooks:Tidsgrans", TimeSpan.FromSeconds(10));
        services.AddHttpClient(Klientnamn, c => c.Timeout = tidsgrans)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<IWebhooksandare, HttpWebhooksandare>();
        return services;
    }
}
