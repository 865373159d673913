using InsatsFlow.Core.Data;
using InsatsFlow.Core.Dokument;
using InsatsFlow.Core.Livscykel;
using InsatsFlow.Data.Jobs;
using InsatsFlow.Data.Schemalaggning;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Jobs;
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
        var database = DatabaseStartup.Database(config, paths);
        services.AddInsatsFlowData(database);
        services.AddScoped<IDomanData>(sp => sp.GetRequiredService<InsatsFlowDbContext>());
        // The förbund is the tenant: the DbContext filters every query by the signed-in caller's active förbund.
        services.AddHttpContextAccessor();
        services.AddScoped<InsatsFlow.Core.Behorighet.IAktivtForbund, InsatsFlow.Web.Identity.InloggningensForbund>();
        services.AddScoped<InsatsFlow.Core.Formular.IFormularlager, InsatsFlow.Data.Formular.Formularlager>();
        // the installation above the förbund: forming one, exporting one whole
        services.AddScoped<InsatsFlow.Web.Features.Installation.Forbundsskapande>();
        services.AddSingleton<InsatsFlow.Web.Features.Installation.Forbundsexport>();

        // One job executor for everything that falls due (timers, deadline steps, the outbox), polling in the background;
        // Quartz, its persistent store in the same database (clustered on PostgreSQL), only for the yearly calendar's cron triggers.
        var jobb = config.GetSection(JobOptions.Section).Get<JobOptions>() ?? new JobOptions();
        jobb.Validate();
        var nod = Nod.Fran(config);
        jobb.Node = nod.Namn;
        services.AddSingleton(jobb);
        // Limits of expressions and BPMN files are settings: InsatsFlow:Motor:Uttryck and InsatsFlow:Motor:Bpmn.
        services.AddInsatsFlowEngine(o =>
        {
            o.StepBudget = config.GetValue("InsatsFlow:Motor:StegPerKommando", o.StepBudget);
            o.TenantVariable = Processvariabler.ForbundId; // an instance is its förbund's: tasks, journal and incidents too
            o.IdempotencyLifetime = config.GetValue("InsatsFlow:Motor:Idempotenstid", o.IdempotencyLifetime);
            o.CycleMisfire = config.GetValue(JobOptions.Section + ":" + nameof(EngineOptions.CycleMisfire), o.CycleMisfire);
            o.MisfireThreshold = config.GetValue(JobOptions.Section + ":" + nameof(EngineOptions.MisfireThreshold), o.MisfireThreshold);
            config.GetSection("InsatsFlow:Motor:Uttryck").Bind(o.ExpressionLimits);
            config.GetSection("InsatsFlow:Motor:Bpmn").Bind(o.BpmnLimits);
        });
        services.AddInsatsFlowJobPoller();
        services.AddInsatsFlowArskalenderQuartz(database);
        // Limits of rule files (time limit of an evaluation, expression sizes): InsatsFlow:Regelgranser.
        var regelgranser = new InsatsFlow.Rules.Loading.RuleLimits();
        config.GetSection("InsatsFlow:Regelgranser").Bind(regelgranser);
        services.AddSingleton(regelgranser);
        services.AddInsatsFlowRules(paths.Resolve(config["InsatsFlow:Regler"] ?? "rules"));
        // Several nodes: a reload of rule files or templates on one node reaches the others through the database.
        services.AddSingleton(nod);
        services.AddHostedService<Omladdningssignaler>();

        services.AddScoped<InsatsFlow.Web.Features.Uppgifter.UppgiftsAtgarder>();
        services.AddScoped<InsatsFlow.Web.Features.Insatser.InsatsProcess>();
        services.AddScoped<InsatsFlow.Web.Features.Insatser.InsatsRegistrering>();
        services.AddSingleton<DemoProcesser>();
        // Notifications reach people through their accounts (roles, förbundschef, the member they represent).
        services.AddScoped<InsatsFlow.Core.Notifieringar.IMottagarkatalog, InsatsFlow.Web.Identity.AnvandarMottagarkatalog>();
        services.AddScoped<InsatsFlow.Web.Features.Uppgifter.Arendenamn>();
        services.AddScoped<InsatsFlow.Web.Features.Uppgifter.Uppgiftsmedlemmar>();
        services.AddScoped<InsatsFlow.Web.Features.Uppgifter.Uppgiftsunderlag>();
        services.AddHostedService<Features.Incidenter.Incidentvakt>();
        services.AddScoped<Features.Budget.Budgetprocesstart>();

        var dokument = config.GetSection(DokumentOptions.Sektion).Get<DokumentOptions>() ?? new DokumentOptions();
        dokument.Mallkatalog = paths.Resolve(dokument.Mallkatalog);
        services.AddDokument(dokument);
        Features.Tidsfrister.TidsfristerServiceCollectionExtensions.AddTidsfrister(services, config);
        // Webhooks (issue 17): events written with what they report, delivered by the job executor over HTTP.
        InsatsFlow.Data.Integration.IntegrationServiceCollectionExtensions.AddWebhooks(services);
        Features.Integration.HttpWebhooksandare.AddWebhooksandare(services, config);
        services.AddNotifieringar(config.GetSection(SmtpOptions.Sektion).Get<SmtpOptions>() ?? new SmtpOptions());
        // The lifecycle: service-task handlers, Swedish working days and arbetsdagar(n), forms and what they write to the domain.
        services.AddInsatsFlowLivscykel(paths.Resolve(config["InsatsFlow:Formular"] ?? "forms"));
        // The designer's "Provkör utkastet": the same folders, its own throw-away database and services per run.
        var provkorning = config.GetSection(InsatsFlow.Simulering.ProvkorningOptions.Sektion).Get<InsatsFlow.Simulering.ProvkorningOptions>() ?? new();
        services.AddSingleton(new InsatsFlow.Simulering.Provkorning(new InsatsFlow.Simulering.Simuleringskataloger(
            paths.Resolve(config["InsatsFlow:Regler"] ?? "rules"), dokument.Mallkatalog, paths.Resolve(config["InsatsFlow:Formular"] ?? "forms")), provkorning));
        // SUS value lists and export columns (sus/), the SUS gate at styrelsebeslut, the archive package.
        InsatsFlow.Core.Sus.SusServiceCollectionExtensions.AddInsatsFlowSus(services, paths.Resolve(config["InsatsFlow:Sus"] ?? "sus"));
        InsatsFlow.Core.Arkiv.ArkivServiceCollectionExtensions.AddInsatsFlowArkiv(services);
    }
}
