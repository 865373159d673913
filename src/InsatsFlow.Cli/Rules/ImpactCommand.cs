using System.CommandLine;
using InsatsFlow.Core.Data;
using InsatsFlow.Core.Regelprovning;
using InsatsFlow.Data;
using InsatsFlow.Data.Engine;
using InsatsFlow.Data.Rules;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Cli.Rules;

/// <summary>
/// `insatsflow rules impact &lt;utkast&gt;`: what a draft rule file would change among the stored evaluations it would have
/// governed. The database is opened read-only (--db) and nothing is stored; the draft never joins the catalogue.
/// </summary>
public static class ImpactCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var utkast = new Argument<string>("utkast") { Description = "Regelfilen som ska prövas, till exempel ett utkast till balanskrav/2026.1.json" };
        var db = new Option<string?>("--db") { Description = "SQLite-filen med sparade prövningar (standard: data/insatsflow.db), öppnas skrivskyddad" };
        var connection = new Option<string?>("--connection") { Description = "En anslutningssträng i stället för --db" };
        var alla = new Option<bool>("--alla") { Description = "Pröva om alla sparade prövningar av regelverket, inte bara de som utkastet skulle ha styrt" };
        var dir = new Option<string>("--dir") { Description = "Mappen med regelverk", DefaultValueFactory = _ => "rules" };
        var command = new Command("impact", "Visar vad ett utkast till regelfil skulle ändra i sparade prövningar (konsekvensanalys)") { utkast, db, connection, alla, dir };
        command.SetAction(async (parse, ct) =>
        {
            var fil = parse.GetValue(utkast)!;
            if (!File.Exists(fil))
            {
                error.WriteLine($"{fil}: filen finns inte");
                return 1;
            }
            if (parse.GetValue(db) is not null && parse.GetValue(connection) is not null)
            {
                error.WriteLine("Ange antingen --db eller --connection, inte båda.");
                return 1;
            }
            var anslutning = parse.GetValue(connection);
            if (anslutning is null)
            {
                var databas = parse.GetValue(db) ?? "data/insatsflow.db";
                if (!File.Exists(databas))
                {
                    error.WriteLine($"--db: databasen {databas} finns inte");
                    return 1;
                }
                anslutning = $"Data Source={databas};Mode=ReadOnly";
            }
            var katalog = parse.GetValue(dir)!;
            var laddning = RulesCommands.Loader().Load(katalog);
            if (!laddning.Ok)
            {
                foreach (var problem in laddning.Problems) error.WriteLine(problem);
                error.WriteLine("Regelfilerna kunde inte läsas in; utkastet prövades inte.");
                return 1;
            }
            await using var provider = Tjanster(anslutning, katalog);
            using var scope = provider.CreateScope();
            var resultat = await scope.ServiceProvider.GetRequiredService<Konsekvensanalys>()
                .AnalyseraAsync(fil.Replace('\\', '/'), await File.ReadAllBytesAsync(fil, ct), parse.GetValue(alla), ct);
            if (resultat.Rapport is null)
            {
                foreach (var problem in resultat.Problem) error.WriteLine(problem);
                error.WriteLine("Utkastet avvisades; inget prövades om.");
                return 1;
            }
            Skriv(output, resultat.Rapport);
            return 0;
        });
        return command;
    }

    public static void Skriv(TextWriter output, Konsekvensrapport rapport)
    {
        var o = rapport.Omprovning;
        var u = o.Utkast;
        output.WriteLine($"Konsekvensanalys: {u.Regelverk} {u.Version} ({u.Path})");
        output.WriteLine(o.Alla
            ? "Urval: alla sparade prövningar av regelverket (--alla)."
            : $"Urval: prövningar daterade från {o.Fran:yyyy-MM-dd}{(o.Till is { } till ? $" till och med {till.AddDays(-1):yyyy-MM-dd}" : " och framåt")}, de som utkastet skulle ha styrt.");
        output.WriteLine($"Prövade om: {o.AntalProvade}. Skulle ändras: {o.AntalAndrade}. Kan inte prövas: {o.KanInteProvas.Count()}.");
        foreach (var p in o.Andrade)
        {
            output.WriteLine();
            output.WriteLine($"Ändras: {rapport.Arende(p)?.Text ?? "(okänt ärende)"} | {p.Sparad.Resultat.Datum:yyyy-MM-dd} | tillämpad version {p.Sparad.Resultat.Version}");
            foreach (var r in p.Regler)
                output.WriteLine($"  {(r.Andrad ? "*" : " ")} {r.Regel}: {r.Da ?? "(ny regel)"} -> {r.Nu ?? "(borttagen)"}"
                    + (r.Nu is null || r.Nu == "uppfylld" ? "" : $": {r.Meddelande}") + (r.Detalj is null ? "" : $" ({r.Detalj})"));
        }
        foreach (var p in o.KanInteProvas)
        {
            output.WriteLine();
            output.WriteLine($"Kan inte prövas: {rapport.Arende(p)?.Text ?? "(okänt ärende)"} | {p.Sparad.Resultat.Datum:yyyy-MM-dd} | tillämpad version {p.Sparad.Resultat.Version}: {p.Orsak}");
        }
    }

    /// <summary>The services `rules impact` runs on; the konsekvens bench builds the same.</summary>
    public static ServiceProvider Tjanster(string anslutning, string regler)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<InsatsFlowDbContext>(o => o.UseInsatsFlowDatabase(anslutning));
        services.AddScoped<IDomanData>(sp => sp.GetRequiredService<InsatsFlowDbContext>());
        services.AddInsatsFlowEngine();
        services.AddSingleton(Regelunderlag.Vyer);
        services.AddInsatsFlowRules(regler);
        services.AddScoped<Regelprovningsarenden>();
        services.AddScoped<Konsekvensanalys>();
        return services.BuildServiceProvider();
    }
}
