using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Core.Arkiv;

public static class ArkivServiceCollectionExtensions
{
    /// <summary>The archive package of a closed insats. Needs the engine, rules recording, documents and IDomanData.</summary>
    public static IServiceCollection AddInsatsFlowArkiv(this IServiceCollection services)
    {
        services.AddScoped<Arendelasning>();
        services.AddScoped<Arkivpaketering>();
        return services;
    }
}
