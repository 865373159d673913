using System.Diagnostics;
using InsatsFlow.Data;
using InsatsFlow.Data.Tests.Support;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Jobs;
using InsatsFlow.Engine.Store;
using InsatsFlow.Noder.Tests.Support;
using InsatsFlow.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Noder.Tests;

/// <summary>
/// A node killed while it holds leases (kill -9 of the real process, `dotnet InsatsFlow.Web.dll`): the other node leaves
/// its jobs alone while the lease runs and takes them over once it has run out; every timer still fires once.
/// </summary>
public sealed class EnNodDorTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly Nodklocka klockaB = new() { Forskjutning = TimeSpan.FromHours(-3) };
    private readonly Korningar korningar = new();
    private string databas = "";
    private Nodvard b = null!;

    public async Task InitializeAsync()
    {
        databas = await TestPostgres.CreateMigratedDatabaseAsync();
        b = new Nodvard("nod-b", databas, klockaB, korningar);
        _ = b.Services;
    }

    public async Task DisposeAsync()
    {
        await b.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(databas);
    }

    [Fact]
    public async Task Nar_en_nod_dodas_mitt_i_sina_jobb_tar_den_andra_over_dem_nar_leasen_gatt_ut()
    {
        // 300 timers, due an hour ago by the real clock; B's clock is three hours behind, so only A finds them due
        const string nyckel = "nodprov-dod";
        await b.MedAsync(sp => sp.GetRequiredService<ProcessEngine>().DeployAsync(TvaNoderTests.Timerprocess(nyckel), nyckel + ".bpmn"));
        var ids = new List<string>();
        for (var i = 0; i < 300; i++)
            ids.Add((await b.MedAsync(sp => sp.GetRequiredService<ProcessEngine>().StartAsync(new StartCommand(nyckel) { BusinessKey = $"dod-{i}" }))).InstanceId!);
        var timers = await b.MedAsync(sp => sp.GetRequiredService<InsatsFlowDbContext>().Set<TimerJob>()
            .Where(t => ids.Contains(t.InstanceId!)).Select(t => t.Id).ToListAsync());

        using var a = StartaNodA();
        var hallna = new List<Job>();
        try
        {
            await Vanta.TillsAsync(async () => (hallna = await TimerjobbAsync(timers, j => j.LockOwner != null)).Count > 0,
                TimeSpan.FromMinutes(3), "nod A tar timerjobben");
            a.Kill(entireProcessTree: true);
            await a.WaitForExitAsync();
        }
        finally { if (!a.HasExited) a.Kill(entireProcessTree: true); }
        hallna = await TimerjobbAsync(timers, j => j.LockOwner != null && j.State == JobState.Pending);
        hallna.Should().NotBeEmpty("A was killed while it held leased jobs");
        var agare = hallna.Select(j => j.LockOwner).Distinct().Single();
        agare.Should().StartWith("nod-a:", "a lease names the node that holds it (InsatsFlow:Nod)");

        // by the real clock now, within A's lease: B runs what is due and leaves A's jobs alone
        klockaB.Forskjutning = TimeSpan.Zero;
        await b.Services.GetRequiredService<JobExecutor>().RunDueAsync();
        (await TimerjobbAsync(timers, j => j.LockOwner == agare && j.State == JobState.Pending)).Should().HaveCount(hallna.Count);

        // the lease has run out: B takes them over
        klockaB.Forskjutning = Lease + TimeSpan.FromSeconds(1);
        await Vanta.TillsAsync(async () => (await TimerjobbAsync(timers, j => j.State != JobState.Done)).Count == 0,
            TimeSpan.FromMinutes(3), "nod B tar över A:s jobb och gör klart dem");

        hallna.Select(j => j.Target!).Should().OnlyContain(t => korningar.Av(t).Contains("nod-b"));
        var oppna = await b.MedAsync(sp => sp.GetRequiredService<InsatsFlowDbContext>().Set<TaskItem>()
            .Where(t => ids.Contains(t.InstanceId) && t.State == TaskState.Open).GroupBy(t => t.InstanceId).Select(g => g.Count()).ToListAsync());
        oppna.Should().HaveCount(300).And.OnlyContain(n => n == 1, "every timer fired once, whichever node ran it");
    }

    private Task<List<Job>> TimerjobbAsync(List<string> timers, System.Linq.Expressions.Expression<Func<Job, bool>> villkor) =>
        b.MedAsync(sp => sp.GetRequiredService<InsatsFlowDbContext>().Set<Job>().AsNoTracking()
            .Where(j => j.Kind == EngineTimerJobs.KindName && timers.Contains(j.Target!)).Where(villkor).ToListAsync());

    /// <summary>Node A as operations run it: its own process on the same database, claiming all due jobs in one batch.</summary>
    private Process StartaNodA()
    {
        var rot = RepositoryPaths.Discover(AppContext.BaseDirectory, null).Root;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "InsatsFlow.Web.dll"));
        start.Environment["DOTNET_ENVIRONMENT"] = "Test";
        start.Environment["ASPNETCORE_CONTENTROOT"] = Path.Combine(rot, "src", "InsatsFlow.Web");
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["InsatsFlow__Databas"] = "postgres";
        start.Environment["ConnectionStrings__InsatsFlow"] = databas;
        start.Environment["DemoData__Enabled"] = "false";
        start.Environment["InsatsFlow__Nod"] = "nod-a";
        start.Environment["InsatsFlow__Jobb__BatchSize"] = "1000";
        start.Environment["InsatsFlow__Jobb__Lease"] = Lease.ToString();
        var process = Process.Start(start)!;
        // drained, so a full pipe never stops it
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
