using InsatsFlow.Core.Dokument;
using InsatsFlow.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InsatsFlow.Data.Dokument;

public static class DokumentServiceCollectionExtensions
{
    /// <summary>
    /// Templates (loaded now: a bad template stops start-up with file, line and column), the sandboxed
    /// renderer, the archive in the scoped DbContext, and the "dokument" service-task handler.
    /// </summary>
    public static IServiceCollection AddDokument(this IServiceCollection services, DokumentOptions options)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(TemplateStore.LaddaFran(options.Mallkatalog));
        services.AddSingleton<DokumentRenderer>();
        // The host calls Start() to reload templates/ when a file changes.
        services.AddSingleton(sp => new TemplateStoreReloader(sp.GetRequiredService<TemplateStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<IDokumentarkiv, Dokumentarkiv>();
        // a förbund's own template versions (templates/*.sbn are the defaults)
        services.AddScoped<IMallversionslager, Mallversionslager>();
        services.AddScoped<Forbundsmallar>();
        services.AddScoped<Dokumentproduktion>();
        // serviceTask camunda:type="dokument" (workflows/README.md); the host registers one IDokumentmodellbyggare per mall.
        services.AddScoped<IServiceTaskHandler, RenderaDokumentHandler>();
        return services;
    }
}
