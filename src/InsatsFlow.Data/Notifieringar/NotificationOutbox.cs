using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Engine.Jobs;
using InsatsFlow.Engine.Store;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Data.Notifieringar;

/// <summary>Adds the row and its delivery job to the scoped DbContext; the caller's SaveChanges commits both with the
/// rest of its work, so a queued notification always has a job that sends it. A notification about an instance is its
/// förbund's (the instance's tenant), so that a group it names is that förbund's people.</summary>
public sealed class NotificationOutbox(InsatsFlowDbContext db, TimeProvider tid) : INotificationOutbox
{
    public async Task<Notifiering> KoaAsync(NyNotifiering notifiering, CancellationToken cancellationToken = default)
    {
        notifiering.Validera();
        var forbund = notifiering.ForbundId;
        if (forbund is null && notifiering.ProcessInstansId is { } instans)
        {
            var tenant = db.Set<ProcessInstance>().Local.FirstOrDefault(i => i.Id == instans)?.TenantId
                ?? await db.Set<ProcessInstance>().IgnoreQueryFilters().Where(i => i.Id == instans).Select(i => i.TenantId).FirstOrDefaultAsync(cancellationToken);
            if (Guid.TryParse(tenant, out var f)) forbund = f;
        }
        if (notifiering.Dedupliceringsnyckel is { } nyckel)
        {
            // the key is unique within the förbund the notification belongs to, whatever filter this context has
            var omfang = Notifiering.Omfang(forbund);
            var tidigare = db.Set<Notifiering>().Local.FirstOrDefault(n => n.Dedupliceringsomfang == omfang && n.Dedupliceringsnyckel == nyckel)
                ?? await db.Set<Notifiering>().IgnoreQueryFilters()
                    .FirstOrDefaultAsync(n => n.Dedupliceringsomfang == omfang && n.Dedupliceringsnyckel == nyckel, cancellationToken);
            if (tidigare is not null) return tidigare;
        }

        var nu = tid.GetUtcNow();
        var rad = new Notifiering(Guid.CreateVersion7(nu), notifiering, nu.UtcDateTime, forbund);
        db.Set<Notifiering>().Add(rad);
        db.Set<Job>().Add(UtskicksJobb.For(rad.Id, new DateTimeOffset(rad.ForfallerUtc, TimeSpan.Zero), nu));
        return rad;
    }
}
