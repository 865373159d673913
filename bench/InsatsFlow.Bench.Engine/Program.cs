using System.Globalization;
using System.Text;
using InsatsFlow.Bench.Engine;

// Engine bench: a ten-step flow (user task, exclusive gateway, parallel fork/join, timer) on a durable SQLite file,
// the raw SQLite commit rate on the same disk, and the same flow on WorkflowCore 3.22 (in-memory) in the same run.
// Usage: dotnet run -c Release --project bench/InsatsFlow.Bench.Engine -- [instances]
var instances = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 300;
var work = Path.Combine(Path.GetTempPath(), "insatsflow-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(work);
try
{
    Console.WriteLine($"InsatsFlow engine bench: {instances} instances, data in {work}");
    // WorkflowCore first: run after the engine in the same process it stalled (its background workers never finished)
    var wfc = await WorkflowCoreRun.RunAsync(instances);
    Console.WriteLine($"workflowcore: {wfc}");
    string F(double v) => v.ToString("N0", CultureInfo.InvariantCulture);
    string Ms(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
    string Yes(bool b) => b ? "yes" : "no";

    var table = new StringBuilder();
    table.AppendLine($"# Engine bench — {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores (shared), {instances} instances");
    table.AppendLine();
    table.AppendLine("| measure | synchronous=FULL (every commit fsynced) | synchronous=NORMAL (WAL; safe on a crash, may lose the last commits on power loss) | target |");
    table.AppendLine("|---|---|---|---|");
    var rows = new List<(string Name, string Full, string Normal, string Target)>();
    var figures = new Dictionary<string, (EngineFigures Engine, double Raw)>();
    foreach (var mode in new[] { "FULL", "NORMAL" })
    {
        var engine = await InsatsFlowRun.RunAsync(work, instances, mode);
        var raw = RawSqlite.CommitRate(work, engine.JournalMode, mode, Math.Max(1000, instances * 4));
        Console.WriteLine($"{mode}: {engine}; raw {raw:0}/s");
        figures[mode] = (engine, raw);
    }
    var (full, fullRaw) = figures["FULL"];
    var (normal, normalRaw) = figures["NORMAL"];
    void Row(string name, Func<EngineFigures, double, string> value, string target) =>
        table.AppendLine($"| {name} | {value(full, fullRaw)} | {value(normal, normalRaw)} | {target} |");
    Row("InsatsFlow flow-node executions/s (durable SQLite file)", (e, _) => $"{F(e.NodesPerSecond)} ({Yes(e.NodesPerSecond >= 2000)})", "≥ 2,000");
    Row("InsatsFlow commands committed/s", (e, _) => F(e.CommandsPerSecond), "");
    Row("raw SQLite single-row commits/s, same disk and settings (the limit)", (_, r) => F(r), "");
    Row("InsatsFlow commands/s ÷ raw commits/s", (e, r) => $"{e.CommandsPerSecond / r:P0} ({Yes(e.CommandsPerSecond / r >= 0.5)})", "≥ 50 %");
    Row("complete task → next task visible, p50", (e, _) => $"{Ms(e.P50)} ms", "");
    Row("complete task → next task visible, p99", (e, _) => $"{Ms(e.P99)} ms ({Yes(e.P99 <= 10)})", "≤ 10 ms");
    Row($"WorkflowCore 3.22 flow-node executions/s (in-memory, poll {WorkflowCoreRun.PollInterval.TotalMilliseconds} ms)", (_, _) => F(wfc.NodesPerSecond), "");
    Row("InsatsFlow ÷ WorkflowCore", (e, _) => $"{e.NodesPerSecond / wfc.NodesPerSecond:0.0}× ({Yes(e.NodesPerSecond / wfc.NodesPerSecond >= 3)})", "≥ 3×");
    table.AppendLine();
    table.AppendLine($"Flow: start → user task → exclusive gateway → parallel fork → 2 service tasks → join → user task → timer (PT1H) → end: " +
        $"{full.Nodes} node executions (the join counts once per branch) over {full.Commands} commands (start, 2 completions, timer). " +
        "Each command is one SaveChanges (instance row, tasks, timers, journal rows). The latency is the completion command plus a " +
        "query for the assignee's tasks in a fresh scope. Timers fall due by advancing a fake clock. WorkflowCore runs the same steps " +
        $"(WaitFor events, If, Parallel, Delay 0) with its in-memory persistence: {wfc.Elapsed.TotalSeconds:0.0} s for {instances} instances, nothing written to disk.");
    Console.WriteLine();
    Console.WriteLine(table);
    var results = Path.Combine(FindBenchDirectory(), "results");
    Directory.CreateDirectory(results);
    var file = Path.Combine(results, $"engine-{DateTimeOffset.UtcNow:yyyyMMdd-HHmm}.md");
    File.WriteAllText(file, table.ToString());
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
