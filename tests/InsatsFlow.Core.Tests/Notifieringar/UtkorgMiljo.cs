using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Data;
using InsatsFlow.Data.Notifieringar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace InsatsFlow.Core.Tests.Notifieringar;

/// <summary>A real SQLite file, a fake clock, and outbox/dispatcher built on fresh contexts as a host would.</summary>
internal sealed class UtkorgMiljo : IDisposable
{
    private readonly List<InsatsFlowDbContext> _contexts = [];

    public TestDatabase Databas { get; } = new();
    public FakeTimeProvider Tid { get; } = new(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));
    public FalskSender Sender { get; } = new();
    public UtskicksOptions Options { get; } = new();
    public LoggFangare<NotifieringsDispatcher> Logg { get; } = new();

    public InsatsFlowDbContext NyContext()
    {
        var db = Databas.NyContext();
        _contexts.Add(db);
        return db;
    }

    public INotificationOutbox Utkorg(InsatsFlowDbContext db) => new NotificationOutbox(db, Tid);

    public NotifieringsDispatcher Dispatcher(ISender? sender = null, IMottagarkatalog? katalog = null) =>
        new(NyContext(), sender ?? Sender, katalog ?? new EpostIdMottagarkatalog(), Options, Tid, Logg);

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

    public static NyNotifiering Paminnelse(string till = "ali.hassan@forsakringskassan.se", string? nyckel = null, DateTimeOffset? forfaller = null) =>
        new(Mottagare.Anvandare(till), Kanal.Epost, "Påminnelse: yttrande SFNA 2026/14", "Yttrandet ska vara klart senast 20 november 2026.",
            forfaller, nyckel, "inst-1");

    public void Dispose()
    {
        foreach (var db in _contexts) db.Dispose();
        Databas.Dispose();
    }
}
