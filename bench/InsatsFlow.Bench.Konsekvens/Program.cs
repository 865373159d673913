using System.Diagnostics;
using System.Globalization;
using System.Text;
using InsatsFlow.Rules.Evaluation;
using InsatsFlow.Rules.Impact;
using InsatsFlow.Rules.Loading;
using InsatsFlow.Rules.Recording;

// Replays N stored balanskrav evaluations (default 100,000) under a stricter draft, as `rules impact --alla` does
// after reading them. Target (issue 16): at most 10 s on 2 cores. Prints a table and writes it to bench/results/.
var antal = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var rot = Rot();
var katalog = new RuleCatalogueLoader().Load(Path.Combine(rot, "rules")).Catalogue ?? throw new InvalidOperationException("rules/ kunde inte läsas in");
var gallande = katalog.Version("balanskrav", "2024.1")!;
var utkastJson = File.ReadAllText(Path.Combine(rot, "rules", "balanskrav", "2024.1.json"))
    .Replace("\"version\": \"2024.1\"", "\"version\": \"2026.1\"").Replace("\"giltigFran\": \"2024-01-01\"", "\"giltigFran\": \"2026-01-01\"")
    .Replace("budget.intakter > budget.kostnader", "budget.intakter - budget.kostnader >= 0.02m * budget.intakter");
var utkast = new RuleCatalogueLoader().LoadDraft("utkast.json", Encoding.UTF8.GetBytes(utkastJson), katalog).File
    ?? throw new InvalidOperationException("utkastet kunde inte läsas in");

var slump = new Random(16);
var sparade = new List<StoredEvaluation>(antal);
for (var i = 0; i < antal; i++)
{
    var intakter = 1_000_000m + slump.Next(0, 9_000_000);
    var kostnader = intakter * (0.95m + slump.Next(0, 80) / 1000m);
    var indata = "{\"budget\":{\"budgetar\":" + (2026 + i % 5) + ",\"intakter\":" + intakter.ToString(CultureInfo.InvariantCulture)
        + ",\"kostnader\":" + kostnader.ToString(CultureInfo.InvariantCulture) + ",\"synnerligaSkal\":null,\"synnerligaSkalMotivering\":null}}";
    var uppfylld = intakter > kostnader;
    sparade.Add(new StoredEvaluation(i.ToString(CultureInfo.InvariantCulture), DateTimeOffset.UnixEpoch.AddDays(i), new EvaluationContext($"instans-{i}", "grind"),
        new RuleSetResult("balanskrav", "2024.1", gallande.GiltigFran, gallande.Sha256, new DateOnly(2026, 11, 20), indata,
        [
            new RuleOutcome("IntakterOverstigerKostnader", uppfylld ? Utfall.Uppfylld : Utfall.EjUppfylld, Allvarlighet.Fel, "", "", null),
            new RuleOutcome("SynnerligaSkalAberopasInte", Utfall.Uppfylld, Allvarlighet.Varning, "", "", null),
        ])));
}

await DraftReplay.RunAsync(utkast, katalog, sparade.Take(1000), alla: true); // warm-up: compiled expressions, JIT
var klocka = Stopwatch.StartNew();
var rapport = await DraftReplay.RunAsync(utkast, katalog, sparade, alla: true);
klocka.Stop();

var tabell = new StringBuilder()
    .AppendLine($"# Konsekvensanalys: omprövning av sparade prövningar ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)")
    .AppendLine()
    .AppendLine($"Maskin: {Environment.ProcessorCount} kärnor, .NET {Environment.Version}. Mål: högst 10 s för 100 000 prövningar på 2 kärnor.")
    .AppendLine()
    .AppendLine("| prövningar | prövade om | skulle ändras | kan inte prövas | tid (s) | µs per prövning |")
    .AppendLine("|---:|---:|---:|---:|---:|---:|")
    .AppendLine(string.Create(CultureInfo.InvariantCulture,
        $"| {antal} | {rapport.AntalProvade} | {rapport.AntalAndrade} | {rapport.KanInteProvas.Count()} | {klocka.Elapsed.TotalSeconds:0.00} | {klocka.Elapsed.TotalMilliseconds * 1000 / antal:0.0} |"))
    .ToString();
Console.Write(tabell);
var resultat = Path.Combine(rot, "bench", "results", $"konsekvens-{DateTime.UtcNow:yyyyMMdd-HHmm}.md");
File.WriteAllText(resultat, tabell);
Console.WriteLine($"Skrivet till {Path.GetRelativePath(rot, resultat)}");

static string Rot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "InsatsFlow.sln"))) return dir.FullName;
    throw new InvalidOperationException("InsatsFlow.sln hittades inte");
}
