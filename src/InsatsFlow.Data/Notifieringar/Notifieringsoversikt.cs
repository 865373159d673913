using InsatsFlow.Core.Notifieringar;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Data.Notifieringar;

public sealed class Notifieringsoversikt(InsatsFlowDbContext db) : INotifieringsoversikt
{
    public async Task<IReadOnlyList<Notifiering>> ForMottagareAsync(IReadOnlyCollection<Mottagare> mottagare, int max = 50, CancellationToken cancellationToken = default)
    {
        var anvandare = mottagare.Where(m => m.Typ == Mottagartyp.Anvandare).Select(m => m.Id).ToList();
        var grupper = mottagare.Where(m => m.Typ == Mottagartyp.Grupp).Select(m => m.Id).ToList();
        return await db.Set<Notifiering>().AsNoTracking()
            .Where(n => (n.Mottagartyp == Mottagartyp.Anvandare && anvandare.Contains(n.MottagareId))
                     || (n.Mottagartyp == Mottagartyp.Grupp && grupper.Contains(n.MottagareId)))
            .OrderByDescending(n => n.ForfallerUtc).ThenByDescending(n => n.Id)
            .Take(max)
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Notifiering>> KoadeAsync(int max = 100, CancellationToken cancellationToken = default) =>
        await db.Set<Notifiering>().AsNoTracking()
            .Where(n => n.Status == Notifieringsstatus.Koad)
            .OrderBy(n => n.ForfallerUtc).ThenBy(n => n.Id)
            .Take(max)
            .ToListAsync(cancellationToken);
}
