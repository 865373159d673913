using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Engine.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InsatsFlow.Data.Notifieringar;

/// <summary>
/// Delivers one outbox row, as its job (<see cref="UtskicksJobb"/>) asks. Who sends it, when, and how often it is
/// tried again is the job executor's: its lease keeps two nodes from sending the row at once, its attempts and backoff
/// retry a failure, and after the last attempt <see cref="GeUppAsync"/> marks the row failed. A crash between sending
/// and marking sends the row again once the lease runs out: at least once, never lost.
/// </summary>
public sealed class NotifieringsDispatcher(
    InsatsFlowDbContext db,
    ISender sender,
    IMottagarkatalog katalog,
    JobOptions jobb,
    TimeProvider tid,
    ILogger<NotifieringsDispatcher> logger)
{
    /// <summary>Sends the row; false when there is nothing to send (delivered before, or gone). A failure is recorded
    /// on the row (attempt, error, next attempt) and thrown, for the job executor to retry.</summary>
    /// <param name="forsok">Attempts the job has made before this one.</param>
    public async Task<bool> SkickaAsync(Guid id, int forsok, CancellationToken cancellationToken = default)
    {
        var rad = await db.Set<Notifiering>().FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (rad is null || rad.Status is not (Notifieringsstatus.Koad or Notifieringsstatus.Misslyckad)) return false;
        try
        {
            var status = Notifieringsstatus.Visad;
            string? anmarkning = null;
            if (rad.Kanal == Kanal.Epost)
            {
                var till = await katalog.SlaUppAsync(rad.Mottagare, rad.ForbundId, cancellationToken);
                if (till.Count == 0 && sender.KraverAdress)
                {
                    // Retrying will not give the recipient an address: show it in the log (and the UI) instead.
                    anmarkning = rad.ForbundId is null && rad.Mottagartyp != Mottagartyp.Anvandare
                        ? $"Notifieringen hör inte till något förbund, så gruppen {rad.Mottagare} slås inte upp bland alla förbunds användare; notifieringen visas i stället."
                        : $"Mottagaren {rad.Mottagare} har ingen e-postadress; notifieringen visas i stället.";
                    logger.LogWarning("Notifiering {Id}: {Anmarkning} Ämne: {Amne}", rad.Id, anmarkning, rad.Amne);
                }
                else
                {
                    status = await sender.SkickaAsync(new Utskick(rad.Id, rad.Mottagare, till, rad.Amne, rad.Innehall, rad.InnehallArHtml), cancellationToken);
                }
            }
            rad.Levererad(status, tid.GetUtcNow().UtcDateTime, anmarkning);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var nasta = tid.GetUtcNow().UtcDateTime + jobb.BackoffAfter(forsok + 1);
            rad.Misslyckades($"{e.GetType().Name}: {e.Message}", nasta);
            logger.LogWarning(e, "Notifiering {Id} till {Mottagare} kunde inte skickas (försök {Forsok})", rad.Id, rad.Mottagare, rad.Forsok);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        // Not the caller's token: the outcome of a send that happened must be recorded.
        await db.SaveChangesAsync(CancellationToken.None);
        return true;
    }

    /// <summary>The job's last attempt failed: the row is failed, with the error, for the kansli to see.</summary>
    public async Task GeUppAsync(Guid id, string fel, CancellationToken cancellationToken = default)
    {
        var rad = await db.Set<Notifiering>().FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (rad is null || rad.Status != Notifieringsstatus.Koad) return;
        rad.GavUpp(fel);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogError("Notifiering {Id} till {Mottagare} gick inte att skicka efter {Forsok} försök: {Fel}", rad.Id, rad.Mottagare, rad.Forsok, fel);
    }
}
