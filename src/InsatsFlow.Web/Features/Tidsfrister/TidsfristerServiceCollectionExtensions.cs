using InsatsFlow.Engine;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InsatsFlow.Web.Features.Tidsfrister;

public static class TidsfristerServiceCollectionExtensions
{
    /// <summary>The API's and the admin page's services (the engine command is in AddInsatsFlowSchemalaggning too).</summary>
    public static IServiceCollection AddTidsfrister(this IServiceCollection services)
    {
        services.TryAddScoped<TaskDeadlines>();
        services.AddScoped<FlyttaTidsfrist>();
        services.AddScoped<TidsfristOversikt>();
        return services;
    }
}
