using System.Diagnostics;
using System.Globalization;
using System.Text;
using InsatsFlow.Bench.Engine;

// Engine bench: a ten-step flow (user task, exclusive gateway, parallel fork/join, timer) on a durable SQLite file,
// the raw SQLite commit rate on the same disk, and the same flow on WorkflowCore 3.22 (in-memory) in the same run.
var instances = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 500;
var work = Path.Combine(Path.GetTempPath(), "insatsflow-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(work);
try
{
    Console.WriteLine($"InsatsFlow engine bench: {instances} instances, data in {work}");
    var engine = await InsatsFlowRun.RunAsync(work, instances);
    Console.WriteLine($"engine: {engine}");
    var raw = RawSqlite.CommitRate(work, engine.JournalMode, Math.Max(1000, instances * 4));
    Console.WriteLine($"raw: {raw}");
    var wfc = await WorkflowCoreRun.RunAsync(instances);

    var table = new StringBuilder();
    string F(double v) => v.ToString("N0", CultureInfo.InvariantCulture);
    string Ms(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
    table.AppendLine($"# Engine bench — {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {instances} instances");
    table.AppendLine();
    table.AppendLine("| measure | value | target | met |");
    table.AppendLine("|---|---|---|---|");
    table.AppendLine($"| InsatsFlow flow-node executions/s (durable SQLite, journal {engine.JournalMode}) | {F(engine.NodesPerSecond)} | ≥ 2,000 | {(engine.NodesPerSecond >= 2000 ? "yes" : "no")} |");
    table.AppendLine($"| InsatsFlow commands committed/s | {F(engine.CommandsPerSecond)} | | |");
    table.AppendLine($"| raw SQLite single-row commits/s (same disk) | {F(raw)} | (the limit) | |");
    table.AppendLine($"| InsatsFlow commands/s as share of raw commits/s | {engine.CommandsPerSecond / raw:P0} | ≥ 50 % | {(engine.CommandsPerSecond / raw >= 0.5 ? "yes" : "no")} |");
    table.AppendLine($"| complete task → next task visible, p50 | {Ms(engine.P50)} ms | | |");
    table.AppendLine($"| complete task → next task visible, p99 | {Ms(engine.P99)} ms | ≤ 10 ms | {(engine.P99 <= 10 ? "yes" : "no")} |");
    table.AppendLine($"| WorkflowCore 3.22 flow-node executions/s (in-memory, poll {WorkflowCoreRun.PollInterval.TotalMilliseconds} ms) | {F(wfc.NodesPerSecond)} | | |");
    table.AppendLine($"| InsatsFlow ÷ WorkflowCore | {engine.NodesPerSecond / wfc.NodesPerSecond:0.0}× | ≥ 3× | {(engine.NodesPerSecond / wfc.NodesPerSecond >= 3 ? "yes" : "no")} |");
    table.AppendLine();
    table.AppendLine($"Flow: start → user task → exclusive gateway → parallel fork → 2 service tasks → join → user task → timer (PT1H) → end; " +
        $"{engine.Nodes} node executions over {engine.Commands} commands in {engine.Elapsed.TotalSeconds:0.0} s. " +
        $"Timers fired by advancing a fake clock. WorkflowCore: same steps (WaitFor events, If, Parallel, Delay 0), {wfc.Elapsed.TotalSeconds:0.0} s.");
    Console.WriteLine();
    Console.WriteLine(table);
    var results = Path.Combine(FindBenchDirectory(), "results");
    Directory.CreateDirectory(results);
    var file = Path.Combine(results, $"engine-{DateTimeOffset.UtcNow:yyyyMMdd-HHmm}.md");
    File.WriteAllText(file, table.ToString());
    File.WriteAllText(Path.Combine(results, "engine-latest.md"), table.ToString());
    Console.WriteLine($"Written to {file}");
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    try { Directory.Delete(work, recursive: true); } catch (IOException) { }
}

static string FindBenchDirectory()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (dir.Name == "bench") return dir.FullName;
    return Path.Combine(Directory.GetCurrentDirectory(), "bench");
}
