using InsatsFlow.Core.Kalender;
using InsatsFlow.Core.Schemalaggning;
using InsatsFlow.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InsatsFlow.Data.Schemalaggning;

public static class SchemalaggningServiceCollectionExtensions
{
    /// <summary>
    /// Deadlines and the yearly calendar on top of AddInsatsFlowScheduling (Quartz) and AddNotifieringar: the default
    /// escalation chain from "InsatsFlow:Fristpolicy" and the yearly cron triggers from "InsatsFlow:Arskalender",
    /// both validated here, so a bad setting stops the start with the setting named.
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
        services.AddSingleton<Fristbevakare>();
        services.TryAddScoped<TaskDeadlines>();
        services.AddScoped<Arshandelser>();
        services.AddTransient<FristbevakningJobb>();
        services.AddTransient<ArshandelseJobb>();
        services.AddHostedService<SchemalaggningStart>();
        return services;
    }
}
