using InsatsFlow.Core.Kalender;
using InsatsFlow.Core.Schemalaggning;
using InsatsFlow.Engine;
using InsatsFlow.Data.Jobs;
using InsatsFlow.Engine.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace InsatsFlow.Data.Schemalaggning;

public static class SchemalaggningServiceCollectionExtensions
{
    /// <summary>
    /// Deadlines and the yearly calendar on top of the engine's job executor and AddNotifieringar: the default
    /// escalation chain from "InsatsFlow:Fristpolicy" (jobs planned with each task) and the yearly calendar from
    /// "InsatsFlow:Arskalender", both validated here, so a bad setting stops the start with the setting named.
    /// </summary>
    public static IServiceCollection AddInsatsFlowSchemalaggning(this IServiceCollection services, IConfiguration config)
    {
        var policy = config.GetSection(FristpolicyOptions.Sektion).Get<FristpolicyOptions>() ?? new FristpolicyOptions { Aktiv = false };
        policy.Validera();
        var kalender = Arskalender.Las(config.GetSection(ArskalenderOptions.Sektion).Get<ArskalenderOptions>() ?? new ArskalenderOptions());
        return services.AddInsatsFlowSchemalaggning(policy, kalender);
    }

    public static IServiceCollection AddInsatsFlowSchemalaggning(this IServiceCollection services, FristpolicyOptions policy, Arskalender kalender)
    {
        policy.Validera();
        services.AddSingleton(policy);
        services.AddSingleton(kalender);
        services.TryAddSingleton<SvenskaArbetsdagar>();
        services.AddSingleton<Fristkedja>();
        services.AddSingleton<ITaskJobPlanner, Fristplanerare>();
        services.AddJobHandler<FriststegJobb>(Fristplanerare.Jobbtyp);
        services.TryAddScoped<InsatsFlow.Core.Handelser.IHandelseutkorg, Integration.Handelseutkorg>(); // tidsfrist.passerad (issue 17)
        services.AddJobHandler<ArskalenderIkappJobb>(ArskalenderIkappJobb.Jobbtyp);
        services.TryAddScoped<TaskDeadlines>();
        services.AddScoped<Arshandelser>();
        services.AddTransient<ArshandelseJobb>();
        return services;
    }

    /// <summary>
    /// Quartz for the yearly calendar only (cron in Europe/Stockholm, misfire instructions), its persistent store in
    /// the same database (it provisions its own tables), and the start-up that puts the calendar's triggers in it.
    /// Everything else that falls due is a job of the engine's job executor.
    /// </summary>
    public static IServiceCollection AddInsatsFlowArskalenderQuartz(this IServiceCollection services, string connectionString) =>
        services.AddInsatsFlowArskalenderQuartz(InsatsFlowDatabase.Sqlite(connectionString));

    /// <summary>As above, on the chosen database (clustered on PostgreSQL, so each yearly event fires on one node).</summary>
    public static IServiceCollection AddInsatsFlowArskalenderQuartz(this IServiceCollection services, InsatsFlowDatabase database)
    {
        services.AddQuartz(q => q.UsePersistentStore(s => s.UseInsatsFlowDatabase(database)));
        services.AddHostedService<SchemalaggningStart>();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
