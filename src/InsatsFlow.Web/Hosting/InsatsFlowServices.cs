using InsatsFlow.Core.Data;
using InsatsFlow.Core.Dokument;
using InsatsFlow.Core.Livscykel;
using InsatsFlow.Data.Scheduling;
using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Core.Regelprovning;
using InsatsFlow.Data;
using InsatsFlow.Data.Dokument;
using InsatsFlow.Data.Engine;
using InsatsFlow.Data.Notifieringar;
using InsatsFlow.Data.Rules;

namespace InsatsFlow.Web.Hosting;

/// <summary>Everything InsatsFlow runs on, wired once: data, engine, rules, forms, documents, notifications.</summary>
public static class InsatsFlowServices
{
    public static void AddInsatsFlow(this WebApplicationBuilder builder, RepositoryPaths paths)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.AddSingleton(paths);
        services.AddSingleton(TimeProvider.System);
        var connectionString = DatabaseStartup.ConnectionString(config, paths);
        services.AddInsatsFlowData(connectionString);
        services.AddScoped<IDomanData>(sp => sp.GetRequiredService<InsatsFlowDbContext>());

        services.AddInsatsFlowEngine();
        // Engine timers fire through Quartz, its persistent store in the same SQLite file.
        services.AddInsatsFlowScheduling(connectionString);
        services.AddInsatsFlowRules(paths.Resolve(config["InsatsFlow:Regler"] ?? "rules"));

        services.AddScoped<InsatsFlow.Web.Features.Uppgifter.UppgiftsAtgarder>();
        services.AddScoped<InsatsFlow.Web.Features.Insatser.InsatsProcess>();
        services.AddScoped<InsatsFlow.Web.Features.Insatser.InsatsRegistrering>();
        services.AddSingleton<DemoProcesser>();
        // Notifications reach people through their accounts (roles, förbundschef, the member they represent).
        services.AddScoped<InsatsFlow.Core.Notifieringar.IMottagarkatalog, InsatsFlow.Web.Identity.AnvandarMottagarkatalog>();
        services.AddScoped<InsatsFlow.Web.Features.Uppgifter.Arendenamn>();
        services.AddHostedService<Features.Incidenter.Incidentvakt>();
        services.AddScoped<Features.Budget.Budgetprocesstart>();

        var dokument = config.GetSection(DokumentOptions.Sektion).Get<DokumentOptions>() ?? new DokumentOptions();
        dokument.Mallkatalog = paths.Resolve(dokument.Mallkatalog);
        services.AddDokument(dokument);
        Features.Tidsfrister.TidsfristerServiceCollectionExtensions.AddTidsfrister(services, config);
        services.AddNotifieringar(config.GetSection(SmtpOptions.Sektion).Get<SmtpOptions>() ?? new SmtpOptions());
        // The lifecycle: service-task handlers, Swedish working days and arbetsdagar(n), forms and what they write to the domain.
        services.AddInsatsFlowLivscykel(paths.Resolve(config["InsatsFlow:Formular"] ?? "forms"));
    }
}
