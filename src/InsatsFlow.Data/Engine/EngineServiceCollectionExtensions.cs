using InsatsFlow.Data.Jobs;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;
using InsatsFlow.Engine.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InsatsFlow.Data.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// The engine on the host's InsatsFlowDbContext (register that first): a scoped <see cref="ProcessEngine"/> whose
    /// commands each run on a unit of work of their own (<see cref="EfUnitOfWork"/>), a scoped store for reads, a singleton
    /// definition cache. TimeProvider and <see cref="IBusinessCalendar"/>
    /// are used if registered, else the system clock and every day a working day. Timers are jobs of the job executor.
    /// </summary>
    public static IServiceCollection AddInsatsFlowEngine(this IServiceCollection services, Action<EngineOptions>? configure = null)
    {
        var options = new EngineOptions();
        configure?.Invoke(options);
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IBusinessCalendar, AllDaysCalendar>();
        services.AddSingleton<DefinitionRegistry>();
        services.AddScoped<IEngineStore, EfEngineStore>();
        services.AddSingleton<IUnitOfWorkFactory, EfUnitOfWorkFactory>();
        services.AddScoped<ProcessEngine>();
        services.AddInsatsFlowJobs(); // timers are jobs: one executor for everything that falls due
        return services;
    }

    /// <summary>Registers a service task handler, resolved by its <see cref="IServiceTaskHandler.Name"/> in the scope of the step that calls it.</summary>
    public static IServiceCollection AddServiceTaskHandler<T>(this IServiceCollection services) where T : class, IServiceTaskHandler =>
        services.AddScoped<IServiceTaskHandler, T>();
}
