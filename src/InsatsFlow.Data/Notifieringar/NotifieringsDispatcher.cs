using InsatsFlow.Core.Notifieringar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InsatsFlow.Data.Notifieringar;

/// <param name="Levererade">Sent or shown in this run.</param>
/// <param name="Misslyckade">Failed in this run; still queued, retried after the backoff.</param>
public sealed record Utskicksresultat(int Levererade, int Misslyckade);

/// <summary>
/// Works through the due rows of the outbox. Each row is first reserved (optimistic concurrency, so two
/// nodes never both send it), then sent, then marked. A failure keeps the row queued with the attempt
/// count, the error and the next attempt time. A crash between sending and marking sends the row again
/// once the reservation runs out: at least once, never lost.
/// </summary>
public sealed class NotifieringsDispatcher(
    InsatsFlowDbContext db,
    ISender sender,
    IMottagarkatalog katalog,
    UtskicksOptions options,
    TimeProvider tid,
    ILogger<NotifieringsDispatcher> logger)
{
    public async Task<Utskicksresultat> SkickaForfallnaAsync(CancellationToken cancellationToken = default)
    {
        var nu = tid.GetUtcNow().UtcDateTime;
        var forfallna = await db.Set<Notifiering>()
            .Where(n => n.Status == Notifieringsstatus.Koad && n.ForfallerUtc <= nu && (n.NastaForsokUtc == null || n.NastaForsokUtc <= nu))
            .OrderBy(n => n.ForfallerUtc).ThenBy(n => n.Id)
            .Take(options.Batch)
            .ToListAsync(cancellationToken);

        int levererade = 0, misslyckade = 0;
        foreach (var rad in forfallna)
        {
            if (!await ReserveraAsync(rad, cancellationToken)) continue;
            if (await SkickaAsync(rad, cancellationToken)) levererade++;
            else misslyckade++;
        }
        return new Utskicksresultat(levererade, misslyckade);
    }

    private async Task<bool> ReserveraAsync(Notifiering rad, CancellationToken cancellationToken)
    {
        rad.Reservera(tid.GetUtcNow().UtcDateTime + options.Reservation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another dispatcher took it first.
            db.Entry(rad).State = EntityState.Detached;
            return false;
        }
    }

    private async Task<bool> SkickaAsync(Notifiering rad, CancellationToken cancellationToken)
    {
        bool lyckades;
        try
        {
            var status = Notifieringsstatus.Visad;
            string? anmarkning = null;
            if (rad.Kanal == Kanal.Epost)
            {
                var till = await katalog.SlaUppAsync(rad.Mottagare, cancellationToken);
                if (till.Count == 0 && sender.KraverAdress)
                {
                    // Retrying will not give the recipient an address: show it in the log (and the UI) instead.
                    anmarkning = $"Mottagaren {rad.Mottagare} har ingen e-postadress; notifieringen visas i stället.";
                    logger.LogWarning("Notifiering {Id}: {Anmarkning} Ämne: {Amne}", rad.Id, anmarkning, rad.Amne);
                }
                else
                {
                    status = await sender.SkickaAsync(new Utskick(rad.Id, rad.Mottagare, till, rad.Amne, rad.Innehall, rad.InnehallArHtml), cancellationToken);
                }
            }
            rad.Levererad(status, tid.GetUtcNow().UtcDateTime, anmarkning);
            lyckades = true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var nasta = tid.GetUtcNow().UtcDateTime + options.Vantan(rad.Forsok + 1);
            rad.Misslyckades($"{e.GetType().Name}: {e.Message}", nasta);
            logger.LogWarning(e, "Notifiering {Id} till {Mottagare} kunde inte skickas (försök {Forsok}); nytt försök {Nasta:u}",
                rad.Id, rad.Mottagare, rad.Forsok, nasta);
            lyckades = false;
        }
        // Not the caller's token: the outcome of a send that happened must be recorded.
        await db.SaveChangesAsync(CancellationToken.None);
        return lyckades;
    }
}
