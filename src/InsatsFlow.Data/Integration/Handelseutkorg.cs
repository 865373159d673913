using InsatsFlow.Core.Handelser;
using InsatsFlow.Core.Domain;
using InsatsFlow.Engine.Store;
using InsatsFlow.Engine.Jobs;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Data.Integration;

/// <summary>
/// Adds an event, one delivery per subscription of its förbund that wants its type, and each delivery's job to a
/// DbContext, never saving: the caller's SaveChanges commits them with the change they report (the notification
/// outbox's pattern). An event nobody subscribes to is not stored.
/// </summary>
public sealed class Handelseutkorg(InsatsFlowDbContext db, TimeProvider tid) : IHandelseutkorg
{
    public async Task LaggAsync(NyHandelse handelse, CancellationToken ct = default) =>
        Lagg(db, await AktivaAsync(db, ct), handelse, tid.GetUtcNow());

    public async Task TidsfristPasseradAsync(TaskItem uppgift, DateTimeOffset frist, CancellationToken ct = default)
    {
        var aktiva = await AktivaAsync(db, ct);
        if (aktiva.Count == 0) return;
        if (await new Forbundsuppslag(db).ForArendeAsync(uppgift.BusinessKey, ct) is not { } forbund) return;
        var nu = tid.GetUtcNow();
        Lagg(db, aktiva, Handelser.TidsfristPasserad(uppgift, forbund, frist, nu), nu);
    }

    internal static async Task<List<Webhookprenumeration>> AktivaAsync(DbContext db, CancellationToken ct) =>
        await db.Set<Webhookprenumeration>().AsNoTracking().Where(p => p.AvslutadUtc == null).ToListAsync(ct);

    internal static void Lagg(DbContext db, IReadOnlyList<Webhookprenumeration> aktiva, NyHandelse handelse, DateTimeOffset nu)
    {
        var mottagare = aktiva.Where(p => p.ForbundId == handelse.ForbundId && p.Prenumererar(handelse.Typ)).ToList();
        if (mottagare.Count == 0) return;
        var id = Guid.CreateVersion7(nu);
        db.Set<Webhookhandelse>().Add(new Webhookhandelse
        {
            Id = id, ForbundId = handelse.ForbundId, Typ = handelse.Typ, Innehall = handelse.Kropp(id), SkapadUtc = nu.UtcDateTime,
        });
        foreach (var p in mottagare)
        {
            var leverans = new Webhookleverans
            {
                Id = Guid.CreateVersion7(nu), HandelseId = id, PrenumerationId = p.Id, Typ = handelse.Typ,
                Status = Leveransstatus.Koad, SkapadUtc = nu.UtcDateTime, NastaForsokUtc = nu.UtcDateTime,
            };
            db.Set<Webhookleverans>().Add(leverans);
            db.Set<Job>().Add(WebhookLeveransJobb.For(leverans.Id, nu));
        }
    }
}

/// <summary>Which förbund a task's or an incident's ärende belongs to: the insats of its business key, the förbund
/// named in a budget process's key, or the only förbund there is. Rows not yet saved are looked at first.</summary>
internal sealed class Forbundsuppslag(DbContext db)
{
    public async Task<Insats?> InsatsAsync(Guid id, CancellationToken ct) =>
        db.Set<Insats>().Local.FirstOrDefault(i => i.Id == id) ?? await db.Set<Insats>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);

    public async Task<Guid?> ForArendeAsync(string? nyckel, CancellationToken ct)
    {
        if (Guid.TryParse(nyckel, out var insatsId) && await InsatsAsync(insatsId, ct) is { } insats) return insats.ForbundId;
        // Livscykelstart.Budgetnyckel: "budget-<år>-<förbund, N format>"
        if (nyckel is not null && nyckel.StartsWith("budget-", StringComparison.Ordinal) && Guid.TryParseExact(nyckel[(nyckel.LastIndexOf('-') + 1)..], "N", out var forbundId))
            return forbundId;
        var enda = await db.Set<Forbund>().AsNoTracking().Select(f => f.Id).Take(2).ToListAsync(ct);
        return enda.Count == 1 ? enda[0] : null;
    }

    public async Task<(Guid? Forbund, string? Arende)> ForInstansAsync(string instansId, CancellationToken ct)
    {
        var instans = db.Set<ProcessInstance>().Local.FirstOrDefault(i => i.Id == instansId)
            ?? await db.Set<ProcessInstance>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == instansId, ct);
        return (await ForArendeAsync(instans?.BusinessKey, ct), instans?.BusinessKey);
    }
}
