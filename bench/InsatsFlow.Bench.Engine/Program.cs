using System.Globalization;
using System.Text;
using InsatsFlow.Bench.Engine;
using InsatsFlow.Data;
using Npgsql;

// Engine bench. See bench/InsatsFlow.Bench.Engine/README.md.
//   dotnet run -c Release --project bench/InsatsFlow.Bench.Engine -- [--instances 300] [--clients 1,8]
//       [--delar durable,footing,scale] [--databas sqlite|postgres --connection "Host=…;Username=…;Database=…"]
var options = Options.Parse(args);
var work = Path.Combine(Path.GetTempPath(), "insatsflow-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(work);
string F(double v) => v.ToString("N0", CultureInfo.InvariantCulture);
string Ms(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
string Yes(bool b) => b ? "yes" : "no";
var load = File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
var table = new StringBuilder();
table.AppendLine($"# Engine bench — {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores (shared), load average at start {load}, {options.Instances} instances, database {options.Databas}");
table.AppendLine();
try
{
    Console.WriteLine($"InsatsFlow engine bench: {options.Instances} instances, data in {work}, load {load}");
    if (options.Parts.Contains("durable"))
    {
        // durability settings: SQLite synchronous FULL / NORMAL (WAL); PostgreSQL synchronous_commit on / off
        var modes = options.Databas == "postgres" ? new[] { "on", "off" } : ["FULL", "NORMAL"];
        var columns = new List<(string Name, EngineFigures Engine, double Raw, int Clients)>();
        foreach (var mode in modes)
        {
            var raw = options.Databas == "postgres"
                ? await WithPostgresDatabase(options.Connection!, mode, async cs => RawCommits.Postgres(cs, 2000))
                : RawCommits.Sqlite(work, mode, 2000);
            foreach (var clients in options.Clients)
            {
                var engine = options.Databas == "postgres"
                    ? await WithPostgresDatabase(options.Connection!, mode, cs => InsatsFlowRun.RunAsync(new BenchDatabase("postgres", InsatsFlowDatabase.Postgres(cs)), options.Instances, clients))
                    : await InsatsFlowRun.RunAsync(new BenchDatabase("sqlite", InsatsFlowDatabase.Sqlite($"Data Source={Path.Combine(work, $"engine-{mode}-{clients}.db")}"), mode), options.Instances, clients);
                Console.WriteLine($"{mode}, {clients} client(s): {engine}; raw {raw:0}/s; load {File.ReadAllText("/proc/loadavg")[..14]}");
                columns.Add(($"{(options.Databas == "postgres" ? "synchronous_commit=" : "synchronous=")}{mode}, {clients} client{(clients == 1 ? "" : "s")}", engine, raw, clients));
            }
        }
        table.AppendLine($"## Durable: the ten-step flow on {(options.Databas == "postgres" ? "PostgreSQL" : "a SQLite file (WAL)")}");
        table.AppendLine();
        table.AppendLine("| measure | " + string.Join(" | ", columns.Select(c => c.Name)) + " | target |");
        table.AppendLine("|---|" + string.Concat(columns.Select(_ => "---|")) + "---|");
        void Row(string name, Func<(string Name, EngineFigures Engine, double Raw, int Clients), string> value, string target) =>
            table.AppendLine($"| {name} | {string.Join(" | ", columns.Select(value))} | {target} |");
        Row("flow-node executions/s", c => $"{F(c.Engine.NodesPerSecond)}{(c.Clients == 1 && (c.Name.Contains("FULL") || c.Name.Contains("=on")) ? $" ({Yes(c.Engine.NodesPerSecond >= 2000)})" : "")}", "≥ 2,000 (FULL, 1 client)");
        Row("commands committed/s", c => F(c.Engine.CommandsPerSecond), "");
        Row("raw single-row commits/s, same disk and settings, 1 client", c => F(c.Raw), "");
        Row("commands/s ÷ raw commits/s", c => $"{c.Engine.CommandsPerSecond / c.Raw:P1}{(c.Clients >= 8 ? $" ({Yes(c.Engine.CommandsPerSecond / c.Raw >= 0.5)})" : "")}", "≥ 50 % (8 clients)");
        Row("complete → next task visible, p50", c => $"{Ms(c.Engine.P50)} ms", "");
        Row("complete → next task visible, p99", c => $"{Ms(c.Engine.P99)} ms ({Yes(c.Engine.P99 <= 10)})", "≤ 10 ms");
        Row("node executions / commands counted", c => $"{c.Engine.Nodes} / {c.Engine.Commands}", "");
        Row("CPU time of the process per command", c => $"{Ms(c.Engine.CpuMsPerCommand)} ms", "");
        table.AppendLine();
        table.AppendLine("Flow: start → user task → exclusive gateway → parallel fork → 2 service tasks → join → user task → timer (PT1H) → end, " +
            "counted from the journal's element-entered rows (the join counts once per branch). Commands: start, two completions, and each " +
            "timer fired by the job executor once the fake clock is moved past every instance's timer. Each client runs its instances one after " +
            "another; the latency is the completion command plus a query for the next assignee's tasks, each in a fresh scope. 20 instances warm up first.");
        table.AppendLine();
    }
    if (options.Parts.Contains("footing"))
    {
        var wfc = await WorkflowCoreRun.RunAsync(options.Instances, 1);
        Console.WriteLine($"workflowcore: {wfc}");
        var memory = $"Data Source=file:bench-{Guid.NewGuid():N}?mode=memory&cache=shared";
        using var keepAlive = new Microsoft.Data.Sqlite.SqliteConnection(memory); // an in-memory database lives while a connection is open
        keepAlive.Open();
        var inMemory = await InsatsFlowRun.RunAsync(new BenchDatabase("sqlite-memory", InsatsFlowDatabase.Sqlite(memory)), options.Instances, 1);
        Console.WriteLine($"insatsflow in memory: {inMemory}");
        table.AppendLine("## Same footing: both in memory, one at a time");
        table.AppendLine();
        table.AppendLine("| measure | InsatsFlow (SQLite in memory) | WorkflowCore 3.22 (in-memory persistence) | target |");
        table.AppendLine("|---|---|---|---|");
        table.AppendLine($"| flow-node executions/s | {F(inMemory.NodesPerSecond)} | {F(wfc.NodesPerSecond)} | |");
        table.AppendLine($"| steps counted / wall time | {inMemory.Nodes} in {inMemory.Elapsed.TotalSeconds:0.0} s | {wfc.Steps} in {wfc.Elapsed.TotalSeconds:0.0} s ({wfc.Completed} of {options.Instances} completed) | |");
        table.AppendLine($"| InsatsFlow CPU time of the process per command | {Ms(inMemory.CpuMsPerCommand)} ms | | |");
        table.AppendLine($"| InsatsFlow ÷ WorkflowCore (steps/s) | {inMemory.NodesPerSecond / wfc.NodesPerSecond:0.0}× ({Yes(inMemory.NodesPerSecond / wfc.NodesPerSecond >= 3)}) | | ≥ 3× |");
        table.AppendLine();
        table.AppendLine("Both warmed up with 20 instances. The timer is PT1H on a fake clock in both (InsatsFlow: FakeTimeProvider, fired by its job executor; " +
            $"WorkflowCore: Delay on its IDateTimeProvider, woken by its poller every {PollMs()} ms), moved once every instance waits at it. " +
            "InsatsFlow: one client, each command awaited. WorkflowCore: MaxConcurrentWorkflows = 1, the start and both events of each instance " +
            "published in a loop (its events wait in its store until the workflow reaches them). Steps are counted, not assumed: InsatsFlow's " +
            "element-entered journal rows; WorkflowCore's completed execution pointers (its Parallel/Join and If are pointers of their own, " +
            "its join is not entered per branch), so the step counts differ and the ratio is of steps per second. No WorkflowCore durable " +
            "persistence package (WorkflowCore.Persistence.*) is served on this machine, so there is no durable comparison.");
        table.AppendLine();
    }
    if (options.Parts.Contains("scale"))
    {
        var scale = await ScaleRun.RunAsync(work);
        Console.WriteLine($"scale: {scale}");
        table.AppendLine($"## At scale: {F(scale.Tasks)} open tasks across {F(scale.Groups)} groups (SQLite file, production setup)");
        table.AppendLine();
        table.AppendLine("| query | p50 | p99 | rows | target |");
        table.AppendLine("|---|---|---|---|---|");
        table.AppendLine($"| one member's inbox, first page as /api/uppgifter/grupp and /mina ask (50 each, soonest due first, with totals: {scale.PageTotal}) | {Ms(scale.PageP50)} ms | {Ms(scale.PageP99)} ms ({Yes(scale.PageP99 <= 50)}) | {scale.PageRows} | p99 ≤ 50 ms |");
        table.AppendLine($"| one member's inbox whole (assigned to them + open to their two groups, as the Uppgifter page reads it) | {Ms(scale.InboxP50)} ms | {Ms(scale.InboxP99)} ms ({Yes(scale.InboxP99 <= 50)}) | {scale.InboxRows} | p99 ≤ 50 ms |");
        table.AppendLine($"| the deadline overview's timers (next 500 pending, Tidsfrister) | {Ms(scale.DeadlineP50)} ms | {Ms(scale.DeadlineP99)} ms | {scale.DeadlineRows} | |");
        table.AppendLine();
        table.AppendLine($"Seeded in {scale.Seeded.TotalSeconds:0} s: each task open, a tenth claimed by one of 2,000 people, the rest open to one group " +
            $"(candidateGroups), each with a pending due-date timer. {scale.Repeats} rounds after 10 warm-up rounds, each on a scope of its own " +
            "as a request is; a different member each round. The open-to-groups part is found on the candidate rows' index " +
            "(EngineTaskCandidates), filtered, counted and paged by the database. Due-job pickup lateness at 100,000 open tasks is measured by " +
            "`bench/InsatsFlow.Bench.Schemalaggning` (see its results).");
        table.AppendLine();
    }
    Console.WriteLine();
    Console.WriteLine(table);
    var results = Path.Combine(FindBenchDirectory(), "results");
    Directory.CreateDirectory(results);
    var file = Path.Combine(results, $"engine-{DateTimeOffset.UtcNow:yyyyMMdd-HHmm}{(options.Databas == "postgres" ? "-postgres" : "")}.md");
    File.WriteAllText(file, table.ToString());
    Console.WriteLine($"Written to {file}");
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    try { Directory.Delete(work, recursive: true); } catch (IOException) { }
}

static string PollMs() => WorkflowCoreRun.PollInterval.TotalMilliseconds.ToString(CultureInfo.InvariantCulture);

// A database of its own on the given server for one run, with the durability setting on every connection; dropped afterwards.
static async Task<T> WithPostgresDatabase<T>(string admin, string synchronousCommit, Func<string, Task<T>> run)
{
    var name = "insatsflow_bench_" + Guid.NewGuid().ToString("N")[..10];
    await using (var c = new NpgsqlConnection(admin))
    {
        await c.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c);
        await create.ExecuteNonQueryAsync();
    }
    var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name, Options = $"-c synchronous_commit={synchronousCommit}", MaxPoolSize = 50 }.ConnectionString;
    try { return await run(cs); }
    finally
    {
        NpgsqlConnection.ClearAllPools();
        await using var c = new NpgsqlConnection(admin);
        await c.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", c);
        await drop.ExecuteNonQueryAsync();
    }
}

static string FindBenchDirectory()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (dir.Name == "bench") return dir.FullName;
    return Path.Combine(Directory.GetCurrentDirectory(), "bench");
}

internal sealed record Options(int Instances, int[] Clients, string[] Parts, string Databas, string? Connection)
{
    public static Options Parse(string[] args)
    {
        var o = new Options(300, [1, 8], ["durable", "footing", "scale"], "sqlite", null);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} saknar värde");
            o = args[i] switch
            {
                "--instances" => o with { Instances = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--clients" => o with { Clients = Next().Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray() },
                "--delar" => o with { Parts = Next().Split(',') },
                "--databas" => o with { Databas = Next().ToLowerInvariant() },
                "--connection" => o with { Connection = Next() },
                var n when int.TryParse(n, out var count) => o with { Instances = count },
                var other => throw new ArgumentException($"okänt argument {other}"),
            };
        }
        if (o.Databas is not ("sqlite" or "postgres")) throw new ArgumentException("--databas är sqlite eller postgres");
        if (o.Databas == "postgres" && o.Connection is null) throw new ArgumentException("--databas postgres kräver --connection");
        if (o.Databas == "postgres") o = o with { Parts = o.Parts.Where(p => p is not ("footing" or "scale")).ToArray() }; // in memory and the scale file are SQLite's
        return o;
    }
}
