using System.CommandLine;
using InsatsFlow.Core.Arkiv;
using InsatsFlow.Core.Data;
using InsatsFlow.Core.Dokument;
using InsatsFlow.Core.Livscykel;
using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Core.Sus;
using InsatsFlow.Data;
using InsatsFlow.Data.Dokument;
using InsatsFlow.Data.Engine;
using InsatsFlow.Data.Notifieringar;
using InsatsFlow.Data.Rules;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Cli.Arkiv;

/// <summary>
/// `insatsflow arkiv export &lt;diarienummer&gt;`: the closed insats as an E-ARK SIP folder;
/// `insatsflow arkiv verify &lt;paket&gt;`: every checksum and the journal chain, naming what does not hold.
/// </summary>
public static class ArkivCommands
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var arkiv = new Command("arkiv", "Arkivpaket (E-ARK SIP, FGS 2.0) för avslutade insatser");
        arkiv.Add(Export(output, error));
        arkiv.Add(Verify(output, error));
        return arkiv;
    }

    private static Command Export(TextWriter output, TextWriter error)
    {
        var diarienummer = new Argument<string>("diarienummer") { Description = "Insatsens diarienummer, t.ex. \"SF 2021/004\"" };
        var databas = new Option<string>("--db") { Description = "SQLite-filen (standard: data/insatsflow.db i repot)" };
        var ut = new Option<string>("--ut") { Description = "Mappen paketet skrivs i (standard: aktuell mapp)", DefaultValueFactory = _ => Directory.GetCurrentDirectory() };
        var repo = new Option<string>("--repo") { Description = "Mappen med rules/, sus/, templates/, forms/ (standard: letas upp från aktuell mapp)" };
        var command = new Command("export", "Skapar arkivpaketet för en avslutad insats") { diarienummer, databas, ut, repo };
        command.SetAction(async (parse, ct) =>
        {
            var rot = parse.GetValue(repo) ?? HittaRepo();
            if (rot is null || !Directory.Exists(Path.Combine(rot, "rules")))
            {
                error.WriteLine("Hittar inte rules/, sus/ och templates/; ange --repo.");
                return 2;
            }
            var fil = parse.GetValue(databas) ?? Path.Combine(rot, "data", "insatsflow.db");
            if (!File.Exists(fil))
            {
                error.WriteLine($"Databasen {fil} finns inte; ange --db.");
                return 2;
            }
            await using var provider = Tjanster(rot, fil);
            using var scope = provider.CreateScope();
            try
            {
                var paket = await scope.ServiceProvider.GetRequiredService<Arkivpaketering>().SkapaAsync(parse.GetValue(diarienummer)!, parse.GetValue(ut)!, ct);
                output.WriteLine($"Arkivpaketet är skrivet: {paket}");
                var kontroll = Arkivkontroll.Kontrollera(paket);
                output.WriteLine($"{kontroll.Filer} filer och {kontroll.Journaler} journaler, alla kontrollsummor stämmer.");
                return kontroll.Hel ? 0 : 1;
            }
            catch (ArkivFel e)
            {
                error.WriteLine(e.Message);
                return 1;
            }
        });
        return command;
    }

    private static Command Verify(TextWriter output, TextWriter error)
    {
        var paket = new Argument<string>("paket") { Description = "Paketets mapp (den med METS.xml och manifest-sha256.txt)" };
        var command = new Command("verify", "Räknar om varje kontrollsumma i paketet och journalens hashkedja") { paket };
        command.SetAction(parse =>
        {
            var resultat = Arkivkontroll.Kontrollera(parse.GetValue(paket)!);
            if (resultat.Hel)
            {
                output.WriteLine($"Paketet är helt: {resultat.Filer} filer och {resultat.Journaler} journaler stämmer.");
                return 0;
            }
            foreach (var fel in resultat.Fel) error.WriteLine("FEL " + fel);
            error.WriteLine($"Paketet håller inte: {resultat.Fel.Count} fel.");
            return 1;
        });
        return command;
    }

    private static ServiceProvider Tjanster(string repo, string databas)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        var anslutning = new SqliteConnectionStringBuilder { DataSource = databas, Mode = SqliteOpenMode.ReadOnly }.ToString();
        services.AddDbContext<InsatsFlowDbContext>(o => o.UseInsatsFlowDatabase(anslutning));
        services.AddScoped<IDomanData>(sp => sp.GetRequiredService<InsatsFlowDbContext>());
        services.AddInsatsFlowEngine();
        services.AddInsatsFlowRules(Path.Combine(repo, "rules"));
        services.AddDokument(new DokumentOptions { Mallkatalog = Path.Combine(repo, "templates") });
        services.AddNotifieringar(new SmtpOptions());
        services.AddInsatsFlowLivscykel(Path.Combine(repo, "forms"));
        services.AddInsatsFlowSus(Path.Combine(repo, "sus"));
        services.AddInsatsFlowArkiv();
        return services.BuildServiceProvider();
    }

    private static string? HittaRepo()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "rules")) && Directory.Exists(Path.Combine(dir.FullName, "sus"))) return dir.FullName;
        return null;
    }
}
