using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Core.Sus;

public static class SusServiceCollectionExtensions
{
    /// <summary>
    /// The SUS value lists and export columns of <paramref name="katalog"/> (sus/, read now: a bad file stops
    /// start-up), the SUS regelverk check and the export. With these registered, a styrelsebeslut of bifall also
    /// needs the insats's SUS fields (StyrelsebeslutTillampning). Call after AddInsatsFlowRules; the host registers IDomanData.
    /// </summary>
    public static IServiceCollection AddInsatsFlowSus(this IServiceCollection services, string katalog)
    {
        services.AddSingleton(SusKatalog.LaddaFran(katalog));
        services.AddScoped<SusProvning>();
        services.AddScoped<SusExport>();
        services.AddScoped<SusRegistrering>();
        return services;
    }
}
