using InsatsFlow.Core.Formular;
using InsatsFlow.Core.Kalender;
using InsatsFlow.Core.Livscykel.Hanterare;
using InsatsFlow.Core.Livscykel.Tillampning;
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
    /// the Swedish working-day calendar and <c>arbetsdagar(n)</c> for expressions, the forms of
    /// <paramref name="formularkatalog"/> (loaded now, unless the host registered a Formularkatalog already; a bad form
    /// stops start-up), their domain tillämpningar,
    /// <see cref="Uppgiftsslutforande"/> and <see cref="Livscykelstart"/>. Call after AddInsatsFlowEngine (it sets the
    /// engine's functions and calendar), AddDokument and AddNotifieringar; the host registers IDomanData.
    /// </summary>
    public static IServiceCollection AddInsatsFlowLivscykel(this IServiceCollection services, string formularkatalog, LivscykelOptions? options = null)
    {
        var engineOptions = services.LastOrDefault(d => d.ServiceType == typeof(EngineOptions))?.ImplementationInstance as EngineOptions
            ?? throw new InvalidOperationException("AddInsatsFlowLivscykel behöver motorn: anropa AddInsatsFlowEngine först.");
        engineOptions.UseFunctions<Livscykelfunktioner>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SvenskaArbetsdagar>();
        services.Replace(ServiceDescriptor.Singleton<IBusinessCalendar, SvenskArbetsdagskalender>());
        services.AddSingleton(options ?? new LivscykelOptions());
        if (!services.Any(d => d.ServiceType == typeof(Formularkatalog)))
            services.AddSingleton(Formularkatalog.LaddaFran(formularkatalog));

        services.TryAddScoped<Regelunderlag>();
        services.AddScoped<Diarium>();
        services.AddScoped<Dokumentunderlag>();
        services.AddScoped<Sammantradesregistrering>();
        services.AddScoped<Uppgiftsslutforande>();
        services.AddScoped<Livscykelstart>();

        services.AddScoped<IServiceTaskHandler, RegistreraInsatsHandler>();
        services.AddScoped<IServiceTaskHandler, FasHandler>();
        services.AddScoped<IServiceTaskHandler, InsatsunderlagHandler>();
        services.AddScoped<IServiceTaskHandler, BeslutHandler>();
        services.AddScoped<IServiceTaskHandler, DokumentHandler>();
        services.AddScoped<IServiceTaskHandler, NotifieringHandler>();
        services.AddScoped<IServiceTaskHandler, BudgetunderlagHandler>();

        services.AddScoped<IFormulartillampning, IdefasTillampning>();
        services.AddScoped<IFormulartillampning, AnsokanTillampning>();
        services.AddScoped<IFormulartillampning, YttrandeTillampning>();
        services.AddScoped<IFormulartillampning, StyrelsebeslutTillampning>();
        services.AddScoped<IFormulartillampning, UppfoljningsrapportTillampning>();
        services.AddScoped<IFormulartillampning, ImplementeringsforslagTillampning>();
        services.AddScoped<IFormulartillampning, ImplementeringsbeslutTillampning>();
        services.AddScoped<IFormulartillampning, BudgetsamradTillampning>();
        services.AddScoped<IFormulartillampning, BudgetforslagTillampning>();
        services.AddScoped<IFormulartillampning, BudgetantagandeTillampning>();
        return services;
    }
}
