using InsatsFlow.Core.Data;
using InsatsFlow.Core.Dokument;
using InsatsFlow.Core.Formular;
using InsatsFlow.Core.Kalender;
using InsatsFlow.Engine.Time;
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
        services.AddInsatsFlowData(DatabaseStartup.ConnectionString(config, paths));
        services.AddScoped<IDomanData>(sp => sp.GetRequiredService<InsatsFlowDbContext>());

        // Working days are Swedish ones (public holidays, midsommarafton, julafton, nyårsafton off), for
        // ${arbetsdagar(n)} in due dates and timers.
        services.AddSingleton<SvenskaArbetsdagar>();
        services.AddSingleton<IBusinessCalendar>(sp => sp.GetRequiredService<SvenskaArbetsdagar>());
        services.AddInsatsFlowEngine(o => o.UseFunctions<Arbetsdagsfunktioner>());
        services.AddInsatsFlowRules(paths.Resolve(config["InsatsFlow:Regler"] ?? "rules"));
        services.AddScoped<Regelunderlag>();

        services.AddScoped<InsatsFlow.Web.Features.Uppgifter.UppgiftsAtgarder>();
        services.AddScoped<InsatsFlow.Web.Features.Insatser.InsatsProcess>();
        services.AddSingleton(Formularkatalog.LaddaFran(paths.Resolve(config["InsatsFlow:Formular"] ?? "forms")));

        var dokument = config.GetSection(DokumentOptions.Sektion).Get<DokumentOptions>() ?? new DokumentOptions();
        dokument.Mallkatalog = paths.Resolve(dokument.Mallkatalog);
        services.AddDokument(dokument);
        Features.Tidsfrister.TidsfristerServiceCollectionExtensions.AddTidsfrister(services);
        services.AddNotifieringar(config.GetSection(SmtpOptions.Sektion).Get<SmtpOptions>() ?? new SmtpOptions());
    }
}
