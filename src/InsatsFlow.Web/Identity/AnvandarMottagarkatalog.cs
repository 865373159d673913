using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Data;
using InsatsFlow.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Web.Identity;

/// <summary>
/// Who a notification reaches, from the accounts: a user by user name; a group by role ("kansli",
/// "beredningsgrupp", …), "forbundschef" as the accounts so flagged, and "medlem:&lt;id&gt;" as those who represent that member.
/// A role or "forbundschef" reaches only those who have a role in the notification's förbund (its Forbundsroller). A
/// notification of no förbund reaches a group only on an installation of one förbund: with several, "kansli" would
/// be every förbund's kansli, so it reaches nobody and the dispatcher shows it instead .
/// </summary>
public sealed class AnvandarMottagarkatalog(InsatsFlowDbContext db) : IMottagarkatalog
{
    public async Task<IReadOnlyList<Epostadress>> SlaUppAsync(Mottagare mottagare, Guid? forbundId, CancellationToken cancellationToken)
    {
        IEnumerable<Anvandare> traffar;
        if (mottagare.Typ != Mottagartyp.Anvandare && forbundId is null && !mottagare.Id.StartsWith("medlem:", StringComparison.Ordinal))
        {
            var forbund = await db.Forbund.IgnoreQueryFilters().Select(f => f.Id).Take(2).ToListAsync(cancellationToken);
            if (forbund.Count != 1) return [];
            forbundId = forbund[0];
        }
        if (mottagare.Typ == Mottagartyp.Anvandare)
            traffar = await db.Users.AsNoTracking().Where(u => u.UserName == mottagare.Id || u.Email == mottagare.Id).ToListAsync(cancellationToken);
        else if (mottagare.Id == "forbundschef")
            traffar = await db.Users.AsNoTracking().Where(u => u.ArForbundschef
                && db.Forbundsroller.Any(r => r.AnvandareId == u.Id && r.ForbundId == forbundId)).ToListAsync(cancellationToken);
        else if (mottagare.Id.StartsWith("medlem:", StringComparison.Ordinal) && Guid.TryParse(mottagare.Id["medlem:".Length..], out var medlem))
            traffar = await db.Users.AsNoTracking().Where(u => u.MedlemId == medlem).ToListAsync(cancellationToken);
        else
            traffar = await db.Users.AsNoTracking()
                .Where(u => db.Forbundsroller.Any(r => r.AnvandareId == u.Id && r.ForbundId == forbundId && r.Roll == mottagare.Id)).ToListAsync(cancellationToken);
        return [.. traffar.Where(u => !string.IsNullOrWhiteSpace(u.Email)).Select(u => new Epostadress(u.Namn, u.Email!))];
    }
}
