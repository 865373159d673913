using InsatsFlow.Core.Dokument;
using InsatsFlow.Core.Formular;
using InsatsFlow.Core.Kalender;
using InsatsFlow.Core.Livscykel.Dokumentmodeller;
using InsatsFlow.Core.Livscykel.Hanterare;
using InsatsFlow.Core.Livscykel.Tillampning;
using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Core.Regelprovning;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InsatsFlow.Core.Livscykel;

public static class LivscykelServiceCollectionExtensions
{
    /// <summary>
    /// Everything the lifecycle processes need from the host: the service-task handlers named in workflows/README.md,
    /// the Swedish working-day calendar and <c>arbetsdagar(n)</c> (<see cref="Arbetsdagsfunktioner"/>) for expressions, the
    /// document models for the dokument handler and the reminder model for the notifiering handler, the forms of
    /// <paramref name="formularkatalog"/> (loaded now, unless the host registered a Formularkatalog already; a bad form
    /// stops start-up), their domain tillämpningar,
    /// <see cref="Uppgiftsslutforande"/> and <see cref="Livscykelstart"/>. Call after AddInsatsFlowEngine (it sets the
    /// engine's functions and calendar), AddDokument and AddNotifieringar; the host registers IDomanData.
    /// </summary>
    public static IServiceCollection AddInsatsFlowLivscykel(this IServiceCollection services, string formularkatalog, LivscykelOptions? options = null)
    {
        var engineOptions = services.LastOrDefault(d => d.ServiceType == typeof(EngineOptions))?.ImplementationInstance as EngineOptions
            ?? throw new InvalidOperationException("AddInsatsFlowLivscykel behöver motorn: anropa AddInsatsFlowEngine först.");
        engineOptions.UseFunctions<Arbetsdagsfunktioner>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SvenskaArbetsdagar>();
        services.Replace(ServiceDescriptor.Singleton<IBusinessCalendar>(sp => sp.GetRequiredService<SvenskaArbetsdagar>()));
        services.AddSingleton(options ?? new LivscykelOptions());
        if (!services.Any(d => d.ServiceType == typeof(Formularkatalog)))
        {
            var katalog = Formularkatalog.LaddaFran(formularkatalog);
            // A field's alternatives may come from a regelverk's parameters (the kostnadstyper), read when the form is shown.
            services.AddSingleton(sp => sp.GetService<Rules.Loading.RuleCatalogueHolder>() is null
                ? katalog : katalog.MedAlternativ(sp.GetRequiredService<Regelverksalternativ>().Hamta));
        }

        services.TryAddScoped<Regelunderlag>();
        services.TryAddScoped<Installation.Forbundsparametrar>();
        services.TryAddSingleton<Installation.Forbundsbildning>();
        // The gates build their input from the domain's views; the rule loader checks every rule file against them.
        services.TryAddSingleton(Regelunderlag.Vyer);
        services.Replace(ServiceDescriptor.Scoped<IDecisionEvaluator, Regelgrind>());
        services.TryAddScoped<Regelprovningsarenden>();
        services.TryAddScoped<Konsekvensanalys>();
        services.TryAddSingleton(sp => new Regelverksalternativ(sp.GetRequiredService<Rules.Loading.RuleCatalogueHolder>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<Diarium>();
        services.TryAddScoped<Behorighet.Behorighetskontroll>();
        services.AddScoped<IDokumentregistrering, Diarieforing>();
        services.AddScoped<Dokumentunderlag>();
        services.AddScoped<Sammantradesregistrering>();
        services.AddScoped<Formularversioner>();
        services.AddScoped<Uppgiftsslutforande>();
        services.AddScoped<Livscykelstart>();
        services.AddScoped<Incidenter.Incidentregister>();
        services.AddScoped<Incidenter.Incidentavisering>();
        services.AddScoped<Incidenter.Incidenthantering>();
        // For the dokument handler that AddDokument registers.
        services.AddScoped<IDokumentmodellbyggare, Tjansteskrivelsebyggare>();
        services.AddScoped<IDokumentmodellbyggare, Protokollsutdragbyggare>();
        services.AddScoped<IDokumentmodellbyggare, Beslutsbrevbyggare>();
        // For the notifiering handler that AddNotifieringar registers.
        services.AddScoped<IPaminnelsemodellbyggare, Paminnelsemodellbyggare>();

        services.AddScoped<IServiceTaskHandler, RegistreraInsatsHandler>();
        services.AddScoped<IServiceTaskHandler, FasHandler>();
        services.AddScoped<IServiceTaskHandler, InsatsunderlagHandler>();
        services.AddScoped<IServiceTaskHandler, BeslutHandler>();
        services.AddScoped<IServiceTaskHandler, BudgetunderlagHandler>();

        services.AddScoped<IFormulartillampning, IdefasTillampning>();
        services.AddScoped<IFormulartillampning, AnsokanTillampning>();
        services.AddScoped<IFormulartillampning, YttrandeTillampning>();
        services.AddScoped<IFormulartillampning, StyrelsebeslutTillampning>();
        services.AddScoped<IFormulartillampning, UppfoljningsrapportTillampning>();
        services.AddScoped<IFormulartillampning, SlutrapportTillampning>();
        services.AddScoped<IFormulartillampning, ImplementeringsforslagTillampning>();
        services.AddScoped<IFormulartillampning, ImplementeringsbeslutTillampning>();
        services.AddScoped<IFormulartillampning, BudgetsamradTillampning>();
        services.AddScoped<IFormulartillampning, BudgetforslagTillampning>();
        services.AddScoped<IFormulartillampning, BudgetantagandeTillampning>();
        return services;
    }
}
