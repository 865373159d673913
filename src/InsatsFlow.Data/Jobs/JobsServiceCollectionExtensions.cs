using InsatsFlow.Engine.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InsatsFlow.Data.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// The job executor on the job table, with the engine's own jobs (timers, the idempotency purge). Other areas add
    /// their <see cref="IJobHandler"/>s. Without <see cref="AddInsatsFlowJobPoller"/> jobs run when someone calls
    /// <see cref="JobExecutor.RunDueAsync"/> (tests, <c>ProcessEngine.FireDueTimersAsync</c>).
    /// </summary>
    public static IServiceCollection AddInsatsFlowJobs(this IServiceCollection services, JobOptions? options = null)
    {
        if (services.Any(d => d.ServiceType == typeof(JobExecutor))) return services;
        options ??= new JobOptions();
        options.Validate();
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<IJobStore, EfJobStore>();
        services.AddJobHandler<EngineTimerJobs>(EngineTimerJobs.KindName);
        services.AddJobHandler<IdempotencyPurgeJobs>(IdempotencyPurgeJobs.KindName);
        services.AddSingleton(sp =>
        {
            var scopes = sp.GetRequiredService<IServiceScopeFactory>();
            return new JobExecutor(() =>
            {
                var scope = scopes.CreateAsyncScope();
                return new JobScope(scope.ServiceProvider, scope);
            }, sp.GetRequiredService<JobOptions>(), sp.GetRequiredService<TimeProvider>(), JobExecutor.OwnerFor(sp.GetRequiredService<JobOptions>().Node));
        });
        return services;
    }

    /// <summary>Registers the handler of one job kind, resolved in each job's own scope.</summary>
    public static IServiceCollection AddJobHandler<T>(this IServiceCollection services, string kind) where T : class, IJobHandler
    {
        services.AddScoped<T>();
        services.AddSingleton(new JobHandlerType(kind, typeof(T)));
        return services;
    }

    /// <summary>The host's background poller (start-up does not wait for it).</summary>
    public static IServiceCollection AddInsatsFlowJobPoller(this IServiceCollection services)
    {
        services.AddHostedService<JobPoller>();
        return services;
    }
}
