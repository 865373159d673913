using InsatsFlow.Core.Notifieringar;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Data.Notifieringar;

/// <summary>Adds to the scoped DbContext; the caller's SaveChanges commits it with the rest of its work.</summary>
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
        return rad;
    }
}
