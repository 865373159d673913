using InsatsFlow.Core.Handelser;
using InsatsFlow.Data.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InsatsFlow.Data.Integration;

public static class IntegrationServiceCollectionExtensions
{
    /// <summary>Webhooks: the outbox for events a command raises itself and the delivery jobs. The host registers the
    /// <see cref="IWebhooksandare"/> (its HTTP client); the events seen in what commands write need nothing more.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.TryAddScoped<IHandelseutkorg, Handelseutkorg>();
        services.AddJobHandler<WebhookLeveransJobb>(WebhookLeveransJobb.Jobbtyp);
        return services;
    }
}
