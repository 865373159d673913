using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Data;
using InsatsFlow.Data.Jobs;
using InsatsFlow.Data.Notifieringar;
using InsatsFlow.Engine.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace InsatsFlow.Core.Tests.Notifieringar;

/// <param name="Levererade">Rows sent or shown in this run.</param>
/// <param name="Misslyckade">Attempts that failed in this run (retried after the job executor's backoff).</param>
internal sealed record Utskicksresultat(int Levererade, int Misslyckade);

/// <summary>
/// A real SQLite file, a fake clock, the outbox, and "nodes": each a job executor of its own (its own lock owner) on
/// the job table, running the outbox rows' delivery jobs as a host's poller would.
/// </summary>
internal sealed class UtkorgMiljo : IDisposable
{
    private readonly List<InsatsFlowDbContext> _contexts = [];
    private readonly List<ServiceProvider> _noder = [];

    public TestDatabase Databas { get; } = new();
    public FakeTimeProvider Tid { get; } = new(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));
    public FalskSender Sender { get; } = new();
    public JobOptions Jobb { get; } = new() { Backoff = TimeSpan.FromMinutes(1), MaxBackoff = TimeSpan.FromHours(1) };
    public LoggFangare<NotifieringsDispatcher> Logg { get; } = new();

    public InsatsFlowDbContext NyContext()
    {
        var db = Databas.NyContext();
        _contexts.Add(db);
        return db;
    }

    public INotificationOutbox Utkorg(InsatsFlowDbContext db) => new NotificationOutbox(db, Tid);

    /// <summary>A node whose job executor runs the outbox's jobs (one run: <see cref="Utskicksnod.SkickaForfallnaAsync"/>).</summary>
    public Utskicksnod Nod(ISender? sender = null, IMottagarkatalog? katalog = null)
    {
        var s = new ServiceCollection();
        s.AddSingleton<TimeProvider>(Tid);
        s.AddSingleton(Jobb);
        s.AddScoped(_ => Databas.NyContext());
        s.AddScoped<IJobStore, EfJobStore>();
        s.AddSingleton(sender ?? Sender);
        s.AddSingleton(katalog ?? new EpostIdMottagarkatalog());
        s.AddSingleton<ILogger<NotifieringsDispatcher>>(Logg);
        s.AddScoped<NotifieringsDispatcher>();
        s.AddJobHandler<UtskicksJobb>(UtskicksJobb.Jobbtyp);
        var provider = s.BuildServiceProvider();
        _noder.Add(provider);
        var scopes = provider.GetRequiredService<IServiceScopeFactory>();
        return new Utskicksnod(new JobExecutor(() =>
        {
            var scope = scopes.CreateAsyncScope();
            return new JobScope(scope.ServiceProvider, scope);
        }, Jobb, Tid, $"nod-{_noder.Count}"));
    }

    /// <summary>Queues one notification and commits it, as a service handler's step would.</summary>
    public async Task<Guid> KoaOchSpara(NyNotifiering ny)
    {
        await using var db = Databas.NyContext();
        var rad = await Utkorg(db).KoaAsync(ny);
        await db.SaveChangesAsync();
        return rad.Id;
    }

    public async Task<Notifiering> Las(Guid id)
    {
        await using var db = Databas.NyContext();
        return await db.Set<Notifiering>().AsNoTracking().SingleAsync(n => n.Id == id);
    }

    /// <summary>The delivery job of one row.</summary>
    public async Task<Job> JobbFor(Guid id)
    {
        await using var db = Databas.NyContext();
        return await db.Set<Job>().AsNoTracking().SingleAsync(j => j.Kind == UtskicksJobb.Jobbtyp && j.Target == id.ToString());
    }

    public static NyNotifiering Paminnelse(string till = "ali.hassan@forsakringskassan.se", string? nyckel = null, DateTimeOffset? forfaller = null) =>
        new(Mottagare.Anvandare(till), Kanal.Epost, "Påminnelse: yttrande SFNA 2026/14", "Yttrandet ska vara klart senast 20 november 2026.",
            forfaller, nyckel, "inst-1");

    public void Dispose()
    {
        foreach (var p in _noder) p.Dispose();
        foreach (var db in _contexts) db.Dispose();
        Databas.Dispose();
    }
}

internal sealed class Utskicksnod(JobExecutor executor)
{
    public JobExecutor Executor => executor;

    /// <summary>One poll: every due outbox job, in claims of <see cref="JobOptions.BatchSize"/>, up to <paramref name="maxBatches"/>.</summary>
    public async Task<Utskicksresultat> SkickaForfallnaAsync(CancellationToken ct = default, int maxBatches = 1000)
    {
        var run = await executor.RunDueAsync(ct, maxBatches);
        return new Utskicksresultat(run.Acted(UtskicksJobb.Jobbtyp), run.Failures.Count);
    }
}
