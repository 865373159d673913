using InsatsFlow.Core.Data;
using InsatsFlow.Core.Dokument;
using InsatsFlow.Core.Livscykel;
using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Data;
using InsatsFlow.Data.Dokument;
using InsatsFlow.Data.Engine;
using InsatsFlow.Data.Notifieringar;
using InsatsFlow.Data.Rules;
using InsatsFlow.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Simulering;

/// <summary>Where a simulation reads its rule files, document templates and forms (the repo's rules/, templates/, forms/).</summary>
public sealed record Simuleringskataloger(string Regler, string Mallar, string Formular)
{
    public static Simuleringskataloger FranRepo(string repo) =>
        new(Path.Combine(repo, "rules"), Path.Combine(repo, "templates"), Path.Combine(repo, "forms"));
}

/// <summary>
/// The services of a simulation: InsatsFlow's engine, rules, documents, notifications and lifecycle on a SQLite file of
/// its own, with the simulation's clock. Nothing of a host's database or services is shared.
/// </summary>
public static class Simuleringsmiljo
{
    /// <param name="poolad">false when the file is deleted right after the run (a pooled connection would keep it open).</param>
    public static ServiceProvider Bygg(Simuleringskataloger kataloger, string databas, SimuleradKlocka klocka, bool poolad = true)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(klocka);
        services.AddDbContext<InsatsFlowDbContext>(o => o.UseInsatsFlowDatabase($"Data Source={databas}" + (poolad ? "" : ";Pooling=False")).AddInterceptors(new SnabbSqlite()));
        services.AddScoped<IDomanData>(sp => sp.GetRequiredService<InsatsFlowDbContext>());
        services.AddInsatsFlowEngine();
        services.AddInsatsFlowRules(kataloger.Regler);
        services.AddDokument(new DokumentOptions { Mallkatalog = kataloger.Mallar });
        services.AddNotifieringar(new SmtpOptions());
        services.AddInsatsFlowLivscykel(kataloger.Formular);
        return services.BuildServiceProvider();
    }
}
