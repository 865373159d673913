using System.Diagnostics;
using System.Text.Json;
using InsatsFlow.Bench.Rules;
using InsatsFlow.Rules.Evaluation;
using InsatsFlow.Rules.Loading;
using InsatsFlow.Rules.Testing;

// Evaluates the whole catalogue for one insats (each regelverk once, with the first test case's input) through
// RulesEngine, and the same checks written by hand in C#, in one run; prints the medians and their ratio.
var rulesDirectory = args.Length > 0 ? args[0] : FindRules();
var load = new RuleCatalogueLoader().Load(rulesDirectory);
if (!load.Ok)
{
    foreach (var problem in load.Problems) Console.Error.WriteLine(problem);
    return 1;
}
var catalogue = load.Catalogue!;
var (cases, _) = RuleTestRunner.Discover(rulesDirectory);
var insats = cases.GroupBy(c => c.Regelverk).Select(g => g.First())
    .Select(c => (File: catalogue.Choose(c.Regelverk, c.Datum, c.Version), c.Datum, c.Indata))
    .ToList();

const int warmup = 2_000;
const int measured = 10_000;

var rulesEngine = Measure(() =>
{
    var blocking = 0;
    foreach (var (file, datum, indata) in insats)
        if (!RuleEvaluator.EvaluateAsync(file, datum, indata).GetAwaiter().GetResult().Uppfylld) blocking++;
    return blocking;
});
var handWritten = Measure(() =>
{
    var blocking = 0;
    foreach (var (file, _, indata) in insats)
        if (!HandWrittenChecks.Uppfylld(file.Regelverk, indata)) blocking++;
    return blocking;
});

Console.WriteLine($"Hela regelkatalogen för en insats: {insats.Count} regelverk, {insats.Sum(i => i.File.Regler.Count)} regler");
Console.WriteLine($"RulesEngine (inkl. JSON till indata):   median {rulesEngine.Median,8:F1} µs   p90 {rulesEngine.P90,8:F1} µs");
Console.WriteLine($"Handskrivet C# (inkl. JSON till typer): median {handWritten.Median,8:F1} µs   p90 {handWritten.P90,8:F1} µs");
Console.WriteLine($"Kvot RulesEngine / handskrivet: {rulesEngine.Median / handWritten.Median:F1}");
Console.WriteLine($"Mål ≤ 100 µs: {(rulesEngine.Median <= 100 ? "uppnått" : "inte uppnått")}");
Console.WriteLine($"(Samma antal blockerande regelverk i båda: {rulesEngine.Result == handWritten.Result} ({rulesEngine.Result}))");
return 0;

static (double Median, double P90, int Result) Measure(Func<int> run)
{
    var result = 0;
    for (var i = 0; i < warmup; i++) result = run();
    var samples = new double[measured];
    for (var i = 0; i < measured; i++)
    {
        var start = Stopwatch.GetTimestamp();
        result = run();
        samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
    }
    Array.Sort(samples);
    return (samples[measured / 2], samples[measured * 9 / 10], result);
}

static string FindRules()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "InsatsFlow.sln"))) return Path.Combine(dir.FullName, "rules");
    throw new InvalidOperationException("InsatsFlow.sln hittades inte; ange rules-mappen som argument");
}
