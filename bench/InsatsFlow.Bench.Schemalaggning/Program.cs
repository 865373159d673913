using System.Diagnostics;
using System.Globalization;
using InsatsFlow.Core.Kalender;
using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Core.Schemalaggning;
using InsatsFlow.Data;
using InsatsFlow.Data.Engine;
using InsatsFlow.Data.Notifieringar;
using InsatsFlow.Data.Schemalaggning;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Jobs;
using InsatsFlow.Engine.Store;
using InsatsFlow.Engine.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// How late the default escalation chain's reminders fire with 100,000 open tasks carrying due dates, while
// tasks are being completed. Real clock, real SQLite file (WAL), the production code path: each task's chain is
// jobs in the job table (as Fristplanerare plans them), and JobExecutor.RunDueAsync runs every poll interval, as JobPoller does. Lateness = the outbox row's creation time minus the step's
// due time. Arguments: [tasks=100000] [due-in-window=3000] [window-seconds=60] [sweep-ms=1000] [completions-per-second=20]
var antal = Arg(0, 100_000);
var iFonster = Arg(1, 3_000);
var fonster = TimeSpan.FromSeconds(Arg(2, 60));
var svep = TimeSpan.FromMilliseconds(Arg(3, 1000));
var slutforPerSekund = Arg(4, 20);

var katalog = Path.Combine(Path.GetTempPath(), "insatsflow-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(katalog);
var anslutning = $"Data Source={Path.Combine(katalog, "bench.db")};Default Timeout=30";
var services = new ServiceCollection();
services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
services.AddSingleton(TimeProvider.System);
services.AddInsatsFlowData(anslutning);
services.AddSingleton<SvenskaArbetsdagar>();
services.AddSingleton<IBusinessCalendar>(sp => sp.GetRequiredService<SvenskaArbetsdagar>());
services.AddInsatsFlowEngine(o => o.UseFunctions<Arbetsdagsfunktioner>());
services.AddNotifieringar(new SmtpOptions());
// two steps at the due time (before = 0 working days, on the day), the escalation a working day later (outside the run)
services.AddInsatsFlowSchemalaggning(
    new FristpolicyOptions { PaminnelseArbetsdagarFore = 0, EskaleringArbetsdagarEfter = 1, Forbundschef = "grupp:forbundschef" },
    Arskalender.Las(new ArskalenderOptions()));
services.AddSingleton(new JobOptions { PollInterval = svep, BatchSize = 200 });
await using var provider = services.BuildServiceProvider();

using (var scope = provider.CreateScope())
    await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>());

const string Bpmn = """
    <?xml version="1.0" encoding="UTF-8"?>
    <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                      id="d" targetNamespace="http://bpmn.io/schema/bpmn">
      <bpmn:process id="bench" isExecutable="true">
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="yttrande" name="Lämna yttrande" camunda:assignee="anna" camunda:dueDate="${arbetsdagar(10)}" />
        <bpmn:endEvent id="slut" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="yttrande" />
        <bpmn:sequenceFlow id="f2" sourceRef="yttrande" targetRef="slut" />
      </bpmn:process>
    </bpmn:definitions>
    """;

// One real instance as the template; the rest are copies of its rows (starting 100,000 through the engine would take minutes).
var klocka = Stopwatch.StartNew();
ProcessInstance mall;
TaskItem mallUppgift;
using (var scope = provider.CreateScope())
{
    var motor = scope.ServiceProvider.GetRequiredService<ProcessEngine>();
    await motor.DeployAsync(Bpmn, "bench.bpmn");
    var start = await motor.StartAsync(new StartCommand("bench") { UserId = "bench" });
    mall = (await motor.FindInstancesAsync("bench")).Single();
    mallUppgift = (await motor.FindTaskAsync(start.OpenTaskIds.Single()))!;
}

var t0 = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30); // time to load before the window opens
var slump = new Random(7);
var iFonstret = new List<string>();
var planerare = provider.GetRequiredService<ITaskJobPlanner>();
for (var gjort = 0; gjort < antal;)
{
    using var scope = provider.CreateScope();
    var db = scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>();
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    for (var i = 0; i < 5_000 && gjort < antal; i++, gjort++)
    {
        var instansId = Guid.CreateVersion7().ToString("N");
        // the first ones fall due inside the window, evenly spread; the rest weeks ahead
        var frist = gjort < iFonster
            ? t0 + fonster * (gjort / (double)iFonster)
            : t0 + TimeSpan.FromDays(20 + slump.NextDouble() * 40);
        db.Add(new ProcessInstance
        {
            Id = instansId, DefinitionId = mall.DefinitionId, DefinitionKey = mall.DefinitionKey, DefinitionVersion = mall.DefinitionVersion,
            Status = InstanceStatus.Running, StateJson = mall.StateJson, StartedAt = mall.StartedAt, StartedBy = "bench",
        });
        var uppgiftId = Guid.CreateVersion7().ToString("N");
        var uppgift = new TaskItem
        {
            Id = uppgiftId, InstanceId = instansId, TokenId = mallUppgift.TokenId, ElementId = mallUppgift.ElementId, Name = mallUppgift.Name,
            DefinitionKey = mallUppgift.DefinitionKey, Assignee = "anna", DueAt = frist, State = TaskState.Open, CreatedAt = mallUppgift.CreatedAt,
        };
        db.Add(uppgift);
        foreach (var jobb in planerare.Plan(uppgift, false, DateTimeOffset.UtcNow)) db.Add(jobb); // what the engine's command writes
        if (gjort < iFonster) iFonstret.Add(uppgiftId);
    }
    await db.SaveChangesAsync();
}
Console.WriteLine($"{antal:N0} öppna uppgifter skapade på {klocka.Elapsed.TotalSeconds:F1} s; {iFonster:N0} förfaller under {fonster.TotalSeconds:F0} s");

var exekverare = provider.GetRequiredService<JobExecutor>();
klocka.Restart();
await exekverare.RunDueAsync();
var inlasning = klocka.Elapsed;
Console.WriteLine($"Första körningen (inget förfallet ännu): {inlasning.TotalSeconds:F2} s");

using var stopp = new CancellationTokenSource();
var slut = t0 + fonster + TimeSpan.FromSeconds(5);
var svepTider = new List<double>();

// the poller's loop: every poll interval, one run at a time
var svepare = Task.Run(async () =>
{
    using var timer = new PeriodicTimer(svep);
    while (DateTimeOffset.UtcNow < slut && await timer.WaitForNextTickAsync())
    {
        var s = Stopwatch.StartNew();
        await exekverare.RunDueAsync();
        svepTider.Add(s.Elapsed.TotalMilliseconds);
    }
});

// people completing tasks meanwhile: every fourth task due in the window, in due order, some before and some after their reminders
var slutforda = 0;
var slutforare = Task.Run(async () =>
{
    var kandidater = iFonstret.Where((_, i) => i % 4 == 0).ToList();
    var intervall = TimeSpan.FromSeconds(1.0 / slutforPerSekund);
    foreach (var id in kandidater)
    {
        if (DateTimeOffset.UtcNow >= slut) break;
        using var scope = provider.CreateScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<ProcessEngine>().CompleteTaskAsync(new CompleteTaskCommand(id, new TaskActor("anna")));
            slutforda++;
        }
        catch (EngineException) { }
        await Task.Delay(intervall);
    }
});
await Task.WhenAll(svepare, slutforare);

List<(string Nyckel, DateTime Skapad)> rader;
Dictionary<string, DateTimeOffset> frister;
using (var scope = provider.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>();
    rader = (await db.Set<Notifiering>().AsNoTracking().Where(n => n.Dedupliceringsnyckel!.StartsWith("frist:"))
        .Select(n => new { n.Dedupliceringsnyckel, n.SkapadUtc }).ToListAsync())
        .Select(n => (n.Dedupliceringsnyckel!, n.SkapadUtc)).ToList();
    var ids = iFonstret.ToHashSet();
    frister = (await db.Set<TaskItem>().AsNoTracking().Where(t => t.DueAt != null).Select(t => new { t.Id, t.DueAt }).ToListAsync())
        .Where(t => ids.Contains(t.Id)).ToDictionary(t => t.Id, t => t.DueAt!.Value);
}
var sen = rader.Select(r => (new DateTimeOffset(r.Skapad, TimeSpan.Zero) - frister[r.Nyckel.Split(':')[1]]).TotalMilliseconds)
    .Order().ToArray();
double P(double q) => sen.Length == 0 ? double.NaN : sen[Math.Min(sen.Length - 1, (int)Math.Ceiling(q * sen.Length) - 1)];
var dubbletter = rader.Count - rader.Select(r => r.Nyckel).Distinct().Count();

var resultat = string.Create(CultureInfo.InvariantCulture, $"""
    # Fristkedjans påminnelser: hur sent de kommer

    {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} kärnor (delade), SQLite (WAL) i en temporär fil.

    - öppna uppgifter med frist: {antal:N0}; varav {iFonster:N0} förfaller under {fonster.TotalSeconds:F0} s (två steg vardera vid fristen)
    - pollintervall: {svep.TotalMilliseconds:F0} ms (JobOptions.PollInterval; jobbexekveraren, ett jobb per steg)
    - samtidigt slutförda uppgifter: {slutforda:N0} (ca {slutforPerSekund}/s)
    - första körningen med {antal:N0} kedjor i jobbtabellen: {inlasning.TotalSeconds:F2} s
    - svep: median {Median(svepTider):F0} ms, max {(svepTider.Count == 0 ? 0 : svepTider.Max()):F0} ms ({svepTider.Count} svep)
    - påminnelser skickade: {sen.Length:N0}; dubbletter: {dubbletter}

    | hur sent | ms |
    |---|---|
    | p50 | {P(0.50):F0} |
    | p99 | {P(0.99):F0} |
    | max | {(sen.Length == 0 ? double.NaN : sen[^1]):F0} |

    Mål: p99 ≤ 1 000 ms.
    """);
Console.WriteLine(resultat);
var fil = Path.Combine(HittaBench(), "results", $"schemalaggning-svep{svep.TotalMilliseconds:F0}ms.md");
Directory.CreateDirectory(Path.GetDirectoryName(fil)!);
await File.WriteAllTextAsync(fil, resultat + Environment.NewLine);
Console.WriteLine($"Skrivet till {fil}");

provider.Dispose();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
try { Directory.Delete(katalog, true); } catch (IOException) { }
return 0;

int Arg(int i, int standard) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : standard;

static double Median(List<double> v) => v.Count == 0 ? 0 : v.Order().ElementAt(v.Count / 2);

static string HittaBench()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "bench", "results"))) dir = dir.Parent;
    return Path.Combine(dir?.FullName ?? Directory.GetCurrentDirectory(), "bench");
}
