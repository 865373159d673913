using InsatsFlow.Core.Livscykel;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Kalender;
using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Core.Schemalaggning;
using InsatsFlow.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InsatsFlow.Data.Schemalaggning;

/// <summary>
/// What each yearly event does when its trigger fires, for each förbund of the installation: its budget, its kansli,
/// its styrelse. Everything it writes carries a key made of the event, the firing's date and the förbund, so a firing
/// repeated (a misfire after downtime, the start-up catch-up) does nothing new.
/// </summary>
public sealed class Arshandelser(
    InsatsFlowDbContext db, ProcessEngine motor, INotificationOutbox utkorg, Arskalender kalender, ILogger<Arshandelser> log)
{
    /// <returns>What was done, in Swedish, one line per thing (empty when nothing was needed or it was done before).</returns>
    public async Task<IReadOnlyList<string>> UtforAsync(Arshandelse handelse, DateTimeOffset tidpunkt, CancellationToken ct = default)
    {
        var lokal = TimeZoneInfo.ConvertTime(tidpunkt, SvenskaArbetsdagar.Stockholm);
        var datum = DateOnly.FromDateTime(lokal.DateTime);
        var nastaAr = datum.Year + 1;
        var gjort = new List<string>();
        switch (handelse)
        {
            case Arshandelse.StartaBudgetprocess:
                await StartaBudgetprocesserAsync(nastaAr, gjort, ct);
                break;
            case Arshandelse.Samradspaminnelse:
                foreach (var forbund in await ForbundAsync(ct))
                    await KoaAsync(kalender.Kansli, handelse, datum, Arshandelsetexter.Samrad(nastaAr), gjort, ct, forbund);
                break;
            case Arshandelse.BudgetEjAntagen:
                foreach (var forbund in await ForbundAsync(ct))
                {
                    if (await BudgetAntagenAsync(nastaAr, forbund, ct)) continue;
                    foreach (var mottagare in new[] { kalender.Forbundschef, kalender.Styrelse })
                        await KoaAsync(mottagare, handelse, datum, Arshandelsetexter.BudgetEjAntagen(nastaAr, datum.Year), gjort, ct, forbund);
                }
                break;
            case Arshandelse.Budgetbrott:
                foreach (var forbund in await ForbundAsync(ct))
                {
                    if (await BudgetAntagenAsync(nastaAr, forbund, ct)) continue;
                    log.LogWarning("Förbundet {Forbund}: budgeten för {Ar} antogs inte senast 30 november {Fore}: fristen i FINSAM 23 § är bruten", forbund, nastaAr, datum.Year);
                    foreach (var mottagare in new[] { kalender.Styrelse, kalender.Kansli })
                        await KoaAsync(mottagare, handelse, datum, Arshandelsetexter.Budgetbrott(nastaAr, datum.Year), gjort, ct, forbund);
                }
                break;
            case Arshandelse.Arsredovisningspaminnelse:
                foreach (var forbund in await ForbundAsync(ct))
                    foreach (var mottagare in new[] { kalender.Kansli, kalender.Styrelse })
                        await KoaAsync(mottagare, handelse, datum, Arshandelsetexter.Arsredovisning(datum.Year), gjort, ct, forbund);
                break;
        }
        await db.SaveChangesAsync(ct);
        return gjort;
    }

    /// <summary>The förbund's own budget: another förbund's adopted budget says nothing about this one's.</summary>
    private async Task<bool> BudgetAntagenAsync(int ar, Guid forbundId, CancellationToken ct) =>
        await db.Set<Arsbudget>().AnyAsync(b => b.ForbundId == forbundId && b.Ar == ar && b.AntagenDatum != null, ct);

    private async Task<List<Guid>> ForbundAsync(CancellationToken ct) =>
        await db.Set<Forbund>().AsNoTracking().OrderBy(f => f.Id).Select(f => f.Id).ToListAsync(ct);

    private async Task StartaBudgetprocesserAsync(int ar, List<string> gjort, CancellationToken ct)
    {
        foreach (var forbundId in await ForbundAsync(ct))
        {
            // The same business key as Livscykelstart, so a budget year the kansli already started is not started again.
            var nyckel = Livscykelstart.Budgetnyckel(ar, forbundId);
            if ((await motor.FindInstancesAsync(kalender.Budgetprocess, nyckel, ct: ct)).Count > 0) continue;
            CommandResult resultat;
            try
            {
                resultat = await motor.StartAsync(new StartCommand(kalender.Budgetprocess)
                {
                    BusinessKey = nyckel,
                    Variables = new Dictionary<string, object?> { ["budgetar"] = ar, ["forbundId"] = forbundId.ToString() },
                    IdempotencyKey = $"arskalender:{kalender.Budgetprocess}:{nyckel}",
                    UserId = "arskalender",
                }, ct);
            }
            catch (EngineException e)
            {
                // the start wrote nothing and the others go on; the next catch-up tries this förbund again
                log.LogError(e, "Budgetprocessen {Nyckel} kunde inte startas: {Fel}", nyckel, e.Message);
                continue;
            }
            if (resultat.AlreadyDone) continue;
            gjort.Add($"Budgetprocessen {nyckel} startad");
            await KoaAsync(kalender.Kansli, Arshandelse.StartaBudgetprocess, new DateOnly(ar - 1, 1, 1), Arshandelsetexter.BudgetprocessStartad(ar, nyckel), gjort, ct,
                forbundId, resultat.InstanceId);
        }
    }

    private async Task KoaAsync(Mottagare mottagare, Arshandelse handelse, DateOnly datum, Arshandelsetexter.Text text, List<string> gjort,
        CancellationToken ct, Guid forbundId, string? instans = null)
    {
        var nyckel = $"arskalender:{handelse}:{datum:yyyy-MM-dd}:{forbundId:N}:{mottagare.Typ}:{mottagare.Id}";
        var rad = await utkorg.KoaAsync(new NyNotifiering(mottagare, Kanal.Epost, text.Amne, text.Innehall, null, nyckel, instans, ForbundId: forbundId), ct);
        if (db.Entry(rad).State == EntityState.Added) gjort.Add($"{text.Amne} → {mottagare}");
    }
}
