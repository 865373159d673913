using System.Diagnostics;
using InsatsFlow.Core.Handelser;
using InsatsFlow.Engine.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InsatsFlow.Data.Integration;

/// <summary>
/// Delivers one event to one subscription as a job of the job executor: its lease keeps two nodes from posting at once,
/// its attempts and backoff retry a receiver that fails, and after the last attempt the delivery is marked failed.
/// Every attempt is logged (<see cref="Webhookforsok"/>) for the admin. The event's id is the same on every attempt,
/// so a receiver deduplicates on webhook-id; the timestamp and signature are the attempt's own.
/// </summary>
public sealed class WebhookLeveransJobb(InsatsFlowDbContext db, IWebhooksandare sandare, JobOptions jobb, TimeProvider tid, ILogger<WebhookLeveransJobb> log) : IJobHandler
{
    public const string Jobbtyp = "webhook-leverans";
    public string Kind => Jobbtyp;

    public static Job For(Guid leverans, DateTimeOffset nu) => Job.Create(Jobbtyp, leverans.ToString(), nu, nu, key: $"{Jobbtyp}:{leverans}");

    public async Task<JobResult> RunAsync(Job job, CancellationToken ct)
    {
        if (!Guid.TryParse(job.Target, out var id)) return JobResult.Nothing;
        var leverans = await db.Set<Webhookleverans>().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (leverans is not { Status: Leveransstatus.Koad }) return JobResult.Nothing;
        var prenumeration = await db.Set<Webhookprenumeration>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == leverans.PrenumerationId, ct);
        var handelse = await db.Set<Webhookhandelse>().AsNoTracking().FirstOrDefaultAsync(h => h.Id == leverans.HandelseId, ct);
        if (prenumeration is not { AvslutadUtc: null } || handelse is null)
        {
            leverans.Status = Leveransstatus.Misslyckad;
            leverans.SenasteFel = "Prenumerationen är avslutad; händelsen skickades inte.";
            leverans.NastaForsokUtc = null;
            await db.SaveChangesAsync(CancellationToken.None);
            return JobResult.Nothing;
        }

        var nu = tid.GetUtcNow();
        var sekunder = nu.ToUnixTimeSeconds();
        var msgId = handelse.Id.ToString();
        KeyValuePair<string, string>[] rubriker =
        [
            new(Webhooksignatur.IdRubrik, msgId),
            new(Webhooksignatur.TidRubrik, sekunder.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(Webhooksignatur.SignaturRubrik, Webhooksignatur.Signera(prenumeration.Hemlighet, msgId, sekunder, handelse.Innehall)),
        ];
        int? status = null;
        string? fel = null;
        var klocka = Stopwatch.StartNew();
        try
        {
            status = await sandare.PostaAsync(new Uri(prenumeration.Url), rubriker, handelse.Innehall, ct);
            if (status is < 200 or > 299) fel = $"Mottagaren svarade {status}.";
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            fel = $"Mottagaren kunde inte nås: {e.Message}";
        }
        if (fel is { Length: > 2000 }) fel = fel[..2000];

        leverans.Forsok++;
        db.Set<Webhookforsok>().Add(new Webhookforsok
        {
            Id = Guid.CreateVersion7(nu), LeveransId = leverans.Id, Nummer = leverans.Forsok, TidpunktUtc = nu.UtcDateTime,
            Statuskod = status, Fel = fel, Millisekunder = klocka.ElapsedMilliseconds,
        });
        leverans.SenasteStatuskod = status;
        leverans.SenasteFel = fel;
        if (fel is null)
        {
            leverans.Status = Leveransstatus.Levererad;
            leverans.LevereradUtc = nu.UtcDateTime;
            leverans.NastaForsokUtc = null;
        }
        else
            leverans.NastaForsokUtc = job.Attempts + 1 < jobb.MaxAttempts ? (nu + jobb.BackoffAfter(job.Attempts + 1)).UtcDateTime : null;
        // Not the caller's token: the outcome of a post that happened must be recorded.
        await db.SaveChangesAsync(CancellationToken.None);
        if (fel is null) return JobResult.Done;
        log.LogWarning("Webhook {Leverans} ({Typ}) till {Url}, försök {Forsok}: {Fel}", leverans.Id, leverans.Typ, prenumeration.Url, leverans.Forsok, fel);
        throw new WebhookLeveransException(fel); // the executor tries again after its backoff
    }

    public async Task GiveUpAsync(Job job, string error, CancellationToken ct)
    {
        if (!Guid.TryParse(job.Target, out var id)) return;
        var leverans = await db.Set<Webhookleverans>().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (leverans is not { Status: Leveransstatus.Koad }) return;
        leverans.Status = Leveransstatus.Misslyckad;
        leverans.NastaForsokUtc = null;
        await db.SaveChangesAsync(ct);
        log.LogError("Webhook {Leverans} ({Typ}) gick inte att leverera efter {Forsok} försök: {Fel}", leverans.Id, leverans.Typ, leverans.Forsok, error);
    }
}

public sealed class WebhookLeveransException(string message) : Exception(message);
