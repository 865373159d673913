using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Engine.Jobs;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Data.Notifieringar;

/// <summary>Adds the row and its delivery job to the scoped DbContext; the caller's SaveChanges commits both with the
/// rest of its work, so a queued notification always has a job that sends it.</summary>
public sealed class NotificationOutbox(InsatsFlowDbContext db, TimeProvider tid) : INotificationOutbox
{
    public async Task<Notifiering> KoaAsync(NyNotifiering notifiering, CancellationToken cancellationToken = default)
    {
        notifiering.Validera();
        if (notifiering.Dedupliceringsnyckel is { } nyckel)
        {
            var tidigare = db.Set<Notifiering>().Local.FirstOrDefault(n => n.Dedupliceringsnyckel == nyckel)
                ?? await db.Set<Notifiering>().FirstOrDefaultAsync(n => n.Dedupliceringsnyckel == nyckel, cancellationToken);
            if (tidigare is not null) return tidigare;
        }

        var nu = tid.GetUtcNow();
        var rad = new Notifiering(Guid.CreateVersion7(nu), notifiering, nu.UtcDateTime);
        db.Set<Notifiering>().Add(rad);
        db.Set<Job>().Add(UtskicksJobb.For(rad.Id, new DateTimeOffset(rad.ForfallerUtc, TimeSpan.Zero), nu));
        return rad;
    }
}
