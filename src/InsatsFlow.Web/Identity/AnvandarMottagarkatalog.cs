using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Data;
using InsatsFlow.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Web.Identity;

/// <summary>
/// Who a notification reaches, from the accounts: a user by user name; a group by role ("kansli",
/// "beredningsgrupp", …), "forbundschef" as the accounts so flagged, and "medlem:&lt;id&gt;" as those who represent that member.
/// With a förbund named, a role or "forbundschef" reaches only those who have a role in that förbund (its Forbundsroller).
/// </summary>
public sealed class AnvandarMottagarkatalog(InsatsFlowDbContext db, UserManager<Anvandare> users) : IMottagarkatalog
{
    public async Task<IReadOnlyList<Epostadress>> SlaUppAsync(Mottagare mottagare, Guid? forbundId, CancellationToken cancellationToken)
    {
        IEnumerable<Anvandare> traffar;
        if (mottagare.Typ == Mottagartyp.Anvandare)
            traffar = await db.Users.AsNoTracking().Where(u => u.UserName == mottagare.Id || u.Email == mottagare.Id).ToListAsync(cancellationToken);
        else if (mottagare.Id == "forbundschef")
            traffar = await db.Users.AsNoTracking().Where(u => u.ArForbundschef
                && (forbundId == null || db.Forbundsroller.Any(r => r.AnvandareId == u.Id && r.ForbundId == forbundId))).ToListAsync(cancellationToken);
        else if (mottagare.Id.StartsWith("medlem:", StringComparison.Ordinal) && Guid.TryParse(mottagare.Id["medlem:".Length..], out var medlem))
            traffar = await db.Users.AsNoTracking().Where(u => u.MedlemId == medlem).ToListAsync(cancellationToken);
        else if (forbundId is { } f)
            traffar = await db.Users.AsNoTracking()
                .Where(u => db.Forbundsroller.Any(r => r.AnvandareId == u.Id && r.ForbundId == f && r.Roll == mottagare.Id)).ToListAsync(cancellationToken);
        else
            traffar = await users.GetUsersInRoleAsync(mottagare.Id);
        return [.. traffar.Where(u => !string.IsNullOrWhiteSpace(u.Email)).Select(u => new Epostadress(u.Namn, u.Email!))];
    }
}
