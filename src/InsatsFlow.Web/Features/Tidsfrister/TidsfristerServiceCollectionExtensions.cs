using InsatsFlow.Data.Schemalaggning;
using InsatsFlow.Engine;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InsatsFlow.Web.Features.Tidsfrister;

public static class TidsfristerServiceCollectionExtensions
{
    /// <summary>
    /// Deadlines and the yearly calendar (AddInsatsFlowSchemalaggning: the settings "InsatsFlow:Fristpolicy" and
    /// "InsatsFlow:Arskalender", validated here) and the API's and admin page's services. Needs the engine (its job
    /// executor) and AddNotifieringar.
    /// </summary>
    public static IServiceCollection AddTidsfrister(this IServiceCollection services, IConfiguration config)
    {
        services.AddInsatsFlowSchemalaggning(config);
        services.TryAddScoped<TaskDeadlines>();
        services.AddScoped<FlyttaTidsfrist>();
        services.AddScoped<TidsfristOversikt>();
        return services;
    }
}
