using System.CommandLine;
using System.Globalization;

using InsatsFlow.Simulering;

namespace InsatsFlow.Cli.Simulera;

/// <summary>`insatsflow simulate --forbund N --years Y`: whole lifecycles on a SQLite file, with throughput.</summary>
public static class SimulateCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var forbund = new Option<int>("--forbund") { Description = "Antal förbund", DefaultValueFactory = _ => 2 };
        var years = new Option<int>("--years") { Description = "Antal år", DefaultValueFactory = _ => 1 };
        var perAr = new Option<int>("--insatser-per-ar") { Description = "Nya insatser per förbund och år", DefaultValueFactory = _ => 30 };
        var databas = new Option<string>("--db") { Description = "SQLite-filen (skrivs över)", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "insatsflow-simulering.db") };
        var repo = new Option<string>("--repo") { Description = "Mappen med workflows/, rules/, templates/ och forms/ (standard: letas upp från aktuell mapp)" };
        var seed = new Option<int>("--seed") { Description = "Slumpfrö", DefaultValueFactory = _ => 2026 };
        var parallell = new Option<int>("--parallell") { Description = "Antal förbund som simuleras samtidigt (var och en med egen klocka)", DefaultValueFactory = _ => 1 };
        var command = new Command("simulate", "Kör hela livscykler (insatser och budgetår) på motorn och mäter genomströmningen")
        {
            forbund, years, perAr, databas, repo, seed, parallell,
        };
        command.SetAction(async (parse, ct) =>
        {
            var rot = parse.GetValue(repo) ?? HittaRepo();
            if (rot is null || !Directory.Exists(Path.Combine(rot, "workflows")))
            {
                error.WriteLine("Hittar inte workflows/, rules/, templates/ och forms/; ange --repo.");
                return 2;
            }
            var n = parse.GetValue(forbund);
            var y = parse.GetValue(years);
            if (n < 1 || y < 1)
            {
                error.WriteLine("--forbund och --years ska vara minst 1.");
                return 2;
            }
            output.WriteLine($"Simulerar {n} förbund × {y} år ({parse.GetValue(perAr)} insatser per förbund och år) på {parse.GetValue(databas)} …");
            var resultat = await Livscykelsimulering.KorAsync(rot, parse.GetValue(databas)!, n, y, parse.GetValue(perAr), parse.GetValue(seed),
                parse.GetValue(parallell), output, ct);
            var sekunder = resultat.Tid.TotalSeconds;
            var livscykler = resultat.Insatser + resultat.Budgetar;
            var c = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(c, $"Klart på {sekunder:0.0} s: {resultat.Insatser} insatser och {resultat.Budgetar} budgetår, {resultat.Kommandon} kommandon, {resultat.Flodesnoder} flödesnodkörningar."));
            foreach (var (utfall, antal) in resultat.Utfall.OrderBy(u => u.Key)) output.WriteLine($"  {utfall}: {antal}");
            output.WriteLine(string.Create(c, $"livscykler/s: {livscykler / sekunder:0.0}"));
            output.WriteLine(string.Create(c, $"flödesnodkörningar/s: {resultat.Flodesnoder / sekunder:0}"));
            output.WriteLine(string.Create(c, $"kommandon/s: {resultat.Kommandon / sekunder:0}"));
            return 0;
        });
        return command;
    }

    private static string? HittaRepo()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "workflows")) && Directory.Exists(Path.Combine(dir.FullName, "forms"))) return dir.FullName;
        return null;
    }
}
