using System.Collections.Concurrent;
using InsatsFlow.Data;
using InsatsFlow.Data.Jobs;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Jobs;
using InsatsFlow.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Noder.Tests.Support;

/// <summary>
/// One node: the real host (Program) on a shared PostgreSQL database, with its own job poller, its own node name and
/// a clock the test may move. Several of them on one database are one service.
/// </summary>
public sealed class Nodvard(string namn, string connectionString, Nodklocka klocka, Korningar korningar, bool demoData = false,
    IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public string Namn => namn;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Test");
        builder.UseSetting(InsatsFlowDatabase.ProviderSetting, "postgres");
        builder.UseSetting(InsatsFlowDatabase.ConnectionStringSetting, connectionString);
        builder.UseSetting("DemoData:Enabled", demoData ? "true" : "false");
        builder.UseSetting(Nod.Setting, namn);
        builder.UseSetting("InsatsFlow:Jobb:PollInterval", "00:00:00.2");
        builder.UseSetting("InsatsFlow:Jobb:BatchSize", "20");
        builder.UseSetting(Omladdningssignaler.IntervallSetting, "00:00:00.2");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(klocka);
            services.AddSingleton(korningar);
            // the engine's timer jobs, counted per timer and node: "fired once" is checked where the executor runs them
            services.AddJobHandler<RaknadeTimerjobb>(EngineTimerJobs.KindName);
        });
    }

    public async Task<T> MedAsync<T>(Func<IServiceProvider, Task<T>> arbete)
    {
        await using var scope = Services.CreateAsyncScope();
        return await arbete(scope.ServiceProvider);
    }
}

/// <summary>Which node ran which engine timer, how many times (shared by the nodes of one test).</summary>
public sealed class Korningar
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> perTimer = new();

    public void Ran(string timerId, string nod) => perTimer.GetOrAdd(timerId, _ => new()).Enqueue(nod);

    public IReadOnlyList<string> Av(string timerId) => perTimer.TryGetValue(timerId, out var q) ? q.ToList() : [];
}

/// <summary>The engine's own timer job, counting each run before it fires the timer.</summary>
public sealed class RaknadeTimerjobb(ProcessEngine engine, Korningar korningar, Nod nod) : IJobHandler
{
    private readonly EngineTimerJobs motorns = new(engine);

    public string Kind => EngineTimerJobs.KindName;

    public Task<JobResult> RunAsync(Job job, CancellationToken ct)
    {
        korningar.Ran(job.Target!, nod.Namn);
        return motorns.RunAsync(job, ct);
    }

    public Task GiveUpAsync(Job job, string error, CancellationToken ct) => motorns.GiveUpAsync(job, error, ct);
}
