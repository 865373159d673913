using System.Diagnostics;
using InsatsFlow.Data;
using InsatsFlow.Data.Engine;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Bench.Engine;

internal sealed record ScaleFigures(int Tasks, int Groups, TimeSpan Seeded, double InboxP50, double InboxP99, int InboxRows,
    double DeadlineP50, double DeadlineP99, int DeadlineRows, int Repeats, double PageP50 = 0, double PageP99 = 0, int PageRows = 0, int PageTotal = 0);

/// <summary>
/// At scale: <paramref name="tasks"/> open tasks across <paramref name="groups"/> candidate groups on a SQLite file with
/// the production setup (AddInsatsFlowData), each task with its pending due-date timer. Measured, each on a scope of its
/// own as a request is: one member's inbox (assigned to them, and open to their groups, as the Uppgifter page asks) and
/// the deadline overview's timer query (Tidsfrister: the next pending timers).
/// </summary>
internal static class ScaleRun
{
    public static async Task<ScaleFigures> RunAsync(string directory, int tasks = 100_000, int groups = 1_000, int repeats = 200)
    {
        var services = new ServiceCollection();
        services.AddInsatsFlowData(InsatsFlowDatabase.Sqlite($"Data Source={Path.Combine(directory, "scale.db")}"));
        services.AddInsatsFlowEngine();
        await using var provider = services.BuildServiceProvider();
        using (var scope = provider.CreateScope())
            await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>());

        var seed = Stopwatch.StartNew();
        var random = new Random(11);
        var now = DateTimeOffset.UtcNow;
        for (var made = 0; made < tasks;)
        {
            using var scope = provider.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < 5_000 && made < tasks; i++, made++)
            {
                var instance = Guid.CreateVersion7().ToString("N");
                var token = Guid.CreateVersion7().ToString("N");
                var due = now + TimeSpan.FromMinutes(random.Next(1, 60 * 24 * 60));
                // a tenth claimed by one of 2,000 people; the rest open to their group
                var assignee = random.Next(10) == 0 ? $"person-{random.Next(2_000)}" : null;
                db.Add(new TaskItem
                {
                    Id = Guid.CreateVersion7().ToString("N"), InstanceId = instance, TokenId = token, ElementId = "yttrande", Name = "Lämna yttrande",
                    DefinitionKey = "skala", Assignee = assignee, CandidateGroups = TaskItem.Join([$"grupp-{made % groups}"]),
                    DueAt = due, State = TaskState.Open, CreatedAt = now,
                });
                db.Add(new TimerJob
                {
                    Id = Guid.CreateVersion7().ToString("N"), DefinitionId = "skala:1", InstanceId = instance, TokenId = token,
                    ElementId = "paminnelse", DueAt = due, State = TimerState.Pending,
                });
            }
            await db.SaveChangesAsync();
        }
        seed.Stop();

        async Task<(double P50, double P99, int Rows)> Measure(Func<ProcessEngine, int, Task<int>> query)
        {
            var times = new List<double>();
            var rows = 0;
            for (var i = -10; i < repeats; i++) // ten warm-up rounds first
            {
                var watch = Stopwatch.StartNew();
                using var scope = provider.CreateScope();
                rows = await query(scope.ServiceProvider.GetRequiredService<ProcessEngine>(), i);
                watch.Stop();
                if (i >= 0) times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            return (InsatsFlowRun.Percentile(times, 0.50), InsatsFlowRun.Percentile(times, 0.99), rows);
        }

        // a member of two groups, a different one each round
        var inbox = await Measure(async (engine, i) =>
        {
            var n = Math.Abs(i) % 1_000;
            var actor = new TaskActor($"person-{n}", $"grupp-{n % groups}", $"grupp-{(n + 500) % groups}");
            return (await engine.TasksAssignedToAsync(actor.UserId)).Count + (await engine.TasksOpenToAsync(actor)).Count;
        });
        // what /api/uppgifter/grupp and /mina ask: the first page (50, soonest due first) with its total, from the database
        var total = 0;
        var page = await Measure(async (engine, i) =>
        {
            var n = Math.Abs(i) % 1_000;
            var open = new TaskCandidates([$"person-{n}"], [$"grupp-{n % groups}", $"grupp-{(n + 500) % groups}"]);
            var group = await engine.TaskPageAsync(new TaskPageQuery(OpenTo: open));
            var mine = await engine.TaskPageAsync(new TaskPageQuery(Assignee: $"person-{n}"));
            total = group.Total + mine.Total;
            return group.Items.Count + mine.Items.Count;
        });
        var deadlines = await Measure(async (engine, _) => (await engine.NextTimersAsync(Web.TidsfristOversiktLimit)).Count);
        return new ScaleFigures(tasks, groups, seed.Elapsed, inbox.P50, inbox.P99, inbox.Rows, deadlines.P50, deadlines.P99, deadlines.Rows, repeats,
            page.P50, page.P99, page.Rows, total);
    }

    /// <summary>What the Tidsfrister overview shows of the pending timers (TidsfristOversikt.MaxTimrar).</summary>
    private static class Web
    {
        public const int TidsfristOversiktLimit = 500;
    }
}
