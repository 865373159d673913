using System.Diagnostics;
using System.Globalization;
using System.Text;
using InsatsFlow.Rules.Evaluation;
using InsatsFlow.Rules.Impact;
using InsatsFlow.Rules.Loading;
using InsatsFlow.Rules.Recording;
using InsatsFlow.Core.Data;
using InsatsFlow.Core.Regelprovning;
using InsatsFlow.Data;
using InsatsFlow.Data.Rules;
using InsatsFlow.Data.Engine;
using InsatsFlow.Cli.Rules;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Replays N stored balanskrav evaluations (default 100,000) under a stricter draft, as `rules impact --alla` does
// after reading them, and the whole command on a SQLite file. Target (issue 16): at most 10 s on 2 cores. Prints a table and writes it to bench/results/.
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

// The same replay as the jurist's command runs it: the evaluations stored in a SQLite file of the real schema, read by
// Konsekvensanalys (the store, the draft's checks, the replay and the case lookup), nothing held in memory beforehand.
var fil = Path.Combine(Path.GetTempPath(), $"konsekvens-{Guid.NewGuid():N}.db");
try
{
    await SparaAsync(fil, sparade);
    var utkastFil = Encoding.UTF8.GetBytes(utkastJson);
    await using (var varm = ImpactCommand.Tjanster($"Data Source={fil};Mode=ReadOnly", Path.Combine(rot, "rules")))
    using (var scope = varm.CreateScope())
        await scope.ServiceProvider.GetRequiredService<Konsekvensanalys>().AnalyseraAsync("utkast.json", utkastFil, true, CancellationToken.None);
    await using var tjanster = ImpactCommand.Tjanster($"Data Source={fil};Mode=ReadOnly", Path.Combine(rot, "rules"));
    using var omfang = tjanster.CreateScope();
    var helKlocka = Stopwatch.StartNew();
    var hel = await omfang.ServiceProvider.GetRequiredService<Konsekvensanalys>().AnalyseraAsync("utkast.json", utkastFil, true, CancellationToken.None);
    helKlocka.Stop();
    var helRapport = hel.Rapport?.Omprovning ?? throw new InvalidOperationException(string.Join("; ", hel.Problem));

    var tabell = new StringBuilder()
        .AppendLine($"# Konsekvensanalys: omprövning av sparade prövningar ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)")
        .AppendLine()
        .AppendLine($"Maskin: {Environment.ProcessorCount} kärnor, .NET {Environment.Version}, belastning vid start {Belastning()}. Mål: högst 10 s för 100 000 prövningar på 2 kärnor.")
        .AppendLine()
        .AppendLine("| vad som mäts | prövningar | prövade om | skulle ändras | kan inte prövas | tid (s) | µs per prövning |")
        .AppendLine("|---|---:|---:|---:|---:|---:|---:|")
        .AppendLine(Rad("omprövningen (prövningarna redan i minnet)", rapport, klocka.Elapsed))
        .AppendLine(Rad("hela `rules impact --alla`: läst ur en SQLite-fil, omprövat, ärenden uppslagna", helRapport, helKlocka.Elapsed))
        .AppendLine()
        .AppendLine("Utkastet skärper balanskravet (intäkterna ska överstiga kostnaderna med minst 2 %). Båda varmkörda en gång; tiden är en körning.")
        .ToString();
    Console.Write(tabell);
    var resultat = Path.Combine(rot, "bench", "results", $"konsekvens-{DateTime.UtcNow:yyyyMMdd-HHmm}.md");
    File.WriteAllText(resultat, tabell);
    Console.WriteLine($"Skrivet till {Path.GetRelativePath(rot, resultat)}");
}
finally
{
    SqliteConnection.ClearAllPools();
    foreach (var f in new[] { fil, fil + "-wal", fil + "-shm" }) File.Delete(f);
}

string Rad(string vad, ReplayReport r, TimeSpan tid) => string.Create(CultureInfo.InvariantCulture,
    $"| {vad} | {antal} | {r.AntalProvade} | {r.AntalAndrade} | {r.KanInteProvas.Count()} | {tid.TotalSeconds:0.00} | {tid.TotalMilliseconds * 1000 / antal:0.0} |");

static string Belastning() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "okänd";

static async Task SparaAsync(string fil, IReadOnlyList<StoredEvaluation> sparade)
{
    var tid = new FastTid(DateTimeOffset.UnixEpoch);
    await using (var db = new InsatsFlowDbContext(new DbContextOptionsBuilder<InsatsFlowDbContext>().UseInsatsFlowDatabase($"Data Source={fil}").Options))
        await DatabaseSetup.MigrateAsync(db);
    // Through the store that records every gate's evaluation, in batches so the change tracker stays small.
    foreach (var del in sparade.Chunk(5_000))
    {
        await using var db = new InsatsFlowDbContext(new DbContextOptionsBuilder<InsatsFlowDbContext>().UseInsatsFlowDatabase($"Data Source={fil}").Options);
        var lagring = new EfEvaluationStore(db, tid);
        foreach (var s in del)
        {
            tid.Nu = s.UtfordVid;
            await lagring.RecordAsync(s.Resultat, s.Context, CancellationToken.None);
        }
        await db.SaveChangesAsync();
    }
}

static string Rot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "InsatsFlow.sln"))) return dir.FullName;
    throw new InvalidOperationException("InsatsFlow.sln hittades inte");
}

internal sealed class FastTid(DateTimeOffset nu) : TimeProvider
{
    public DateTimeOffset Nu { get; set; } = nu;
    public override DateTimeOffset GetUtcNow() => Nu;
}
