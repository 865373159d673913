using System.CommandLine;
using System.Globalization;
using InsatsFlow.Core.Regelprovning;
using InsatsFlow.Rules.Evaluation;
using InsatsFlow.Rules.Loading;
using InsatsFlow.Rules.Testing;

namespace InsatsFlow.Cli.Rules;

/// <summary>`insatsflow rules validate|test|explain|impact|views`: what a jurist runs before a rule file is merged.</summary>
public static class RulesCommands
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var rules = new Command("rules", "Regelfiler: validera, testa och förklara");
        rules.Add(Validate(output, error));
        rules.Add(Test(output, error));
        rules.Add(Explain(output, error));
        rules.Add(ImpactCommand.Build(output, error));
        rules.Add(Views(output, error));
        return rules;
    }

    /// <summary>Rule files are checked against the views the gates build (Core's Regelunderlag), as the app checks them.</summary>
    internal static RuleCatalogueLoader Loader() => new(views: Regelunderlag.Vyer);

    private static Argument<string> DirectoryArgument() => new("dir")
    {
        Description = "Mappen med regelverk (standard: rules)",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => "rules",
    };

    private static Command Validate(TextWriter output, TextWriter error)
    {
        var dir = DirectoryArgument();
        var command = new Command("validate", "Läser alla regelfiler och kontrollerar format och uttryck") { dir };
        command.SetAction(parse =>
        {
            var result = Loader().Load(parse.GetValue(dir)!);
            if (!result.Ok)
            {
                foreach (var problem in result.Problems) error.WriteLine(problem);
                error.WriteLine($"{result.Problems.Count} fel; inga regler lästes in.");
                return 1;
            }
            var files = result.Catalogue!.Files.ToList();
            output.WriteLine($"OK: {files.Count} regelfiler i {result.Catalogue.Regelverk.Count} regelverk.");
            return 0;
        });
        return command;
    }

    private static Command Test(TextWriter output, TextWriter error)
    {
        var dir = DirectoryArgument();
        var command = new Command("test", "Kör testfallen i <regelverk>/tests/*.json") { dir };
        command.SetAction(async (parse, _) =>
        {
            var directory = parse.GetValue(dir)!;
            var load = Loader().Load(directory);
            if (!load.Ok)
            {
                foreach (var problem in load.Problems) error.WriteLine(problem);
                error.WriteLine("Regelfilerna kunde inte läsas in; inga testfall kördes.");
                return 1;
            }
            var results = await RuleTestRunner.RunAllAsync(directory, load.Catalogue!);
            foreach (var result in results)
            {
                var version = result.VersionProvad is null ? "" : $" [version {result.VersionProvad}]";
                (result.Godkand ? output : error).WriteLine($"{(result.Godkand ? "OK  " : "FEL ")} {result.File}: {result.Namn}{version}");
                foreach (var avvikelse in result.Avvikelser) error.WriteLine("       " + avvikelse);
            }
            var failed = results.Count(r => !r.Godkand);
            output.WriteLine($"{results.Count - failed} av {results.Count} testfall godkända.");
            var luckor = RuleChecklist.Gaps(load.Catalogue!, results);
            if (luckor.Count > 0)
            {
                output.WriteLine($"Checklista: {luckor.Count} regler saknar ett testfall där de är uppfyllda eller ett där de inte är det:");
                foreach (var lucka in luckor) output.WriteLine("  " + lucka);
            }
            else output.WriteLine("Checklista: varje regel har testfall där den är uppfylld och där den inte är det.");
            if (results.Count == 0) error.WriteLine("Inga testfall hittades.");
            return failed == 0 && results.Count > 0 ? 0 : 1;
        });
        return command;
    }

    private static Command Explain(TextWriter output, TextWriter error)
    {
        var regelverk = new Argument<string>("regelverk") { Description = "Regelverkets namn, till exempel balanskrav" };
        var date = new Option<string>("--date") { Description = "Datumet prövningen gäller, ÅÅÅÅ-MM-DD", Required = true };
        var dir = new Option<string>("--dir") { Description = "Mappen med regelverk", DefaultValueFactory = _ => "rules" };
        var command = new Command("explain", "Visar vilken version som gäller ett datum och vad den prövar") { regelverk, date, dir };
        command.SetAction(parse =>
        {
            var dateText = parse.GetValue(date)!;
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var datum))
            {
                error.WriteLine($"--date: \"{dateText}\" är inte ett datum ÅÅÅÅ-MM-DD");
                return 1;
            }
            var load = Loader().Load(parse.GetValue(dir)!);
            if (!load.Ok)
            {
                foreach (var problem in load.Problems) error.WriteLine(problem);
                return 1;
            }
            try
            {
                var file = load.Catalogue!.Choose(parse.GetValue(regelverk)!, datum);
                RuleExplanation.Write(output, file, datum, load.Catalogue!.Versions(file.Regelverk));
                return 0;
            }
            catch (RegelverkSaknasException e)
            {
                error.WriteLine(e.Message);
                return 1;
            }
        });
        return command;
    }

    private static Command Views(TextWriter output, TextWriter error)
    {
        var write = new Option<bool>("--write") { Description = "Skriv avsnittet om vyer i README-filen i stället för att visa det" };
        var readme = new Option<string>("--readme") { Description = "Juristernas guide", DefaultValueFactory = _ => "rules/README.md" };
        var command = new Command("views", "Visar vyerna och fälten som regelfilerna kan läsa (avsnittet i rules/README.md)") { write, readme };
        command.SetAction(parse =>
        {
            var avsnitt = Vydokumentation.Avsnitt(Regelunderlag.Vyer);
            if (!parse.GetValue(write))
            {
                output.Write(avsnitt);
                return 0;
            }
            var fil = parse.GetValue(readme)!;
            if (!File.Exists(fil))
            {
                error.WriteLine($"--readme: filen {fil} finns inte");
                return 1;
            }
            File.WriteAllText(fil, Vydokumentation.Uppdatera(File.ReadAllText(fil), avsnitt));
            output.WriteLine($"Avsnittet om vyer i {fil} är uppdaterat.");
            return 0;
        });
        return command;
    }
}
