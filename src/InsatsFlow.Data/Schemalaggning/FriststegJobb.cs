using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Core.Schemalaggning;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InsatsFlow.Data.Schemalaggning;

/// <summary>
/// Runs one step of the default escalation chain (a job planned by <see cref="Fristplanerare"/>): the outbox rows
/// (their keys make them once) and the journal entry on the instance, in one transaction. A task that is no longer
/// open, or whose due date moved since the job was planned, gets nothing (its moved date planned a chain of its own).
/// </summary>
public sealed class FriststegJobb(
    InsatsFlowDbContext db, INotificationOutbox utkorg, InsatsFlow.Core.Handelser.IHandelseutkorg handelser, TaskDeadlines frister, FristpolicyOptions policy, ILogger<FriststegJobb> log) : IJobHandler
{
    public string Kind => Fristplanerare.Jobbtyp;

    public async Task<JobResult> RunAsync(Job job, CancellationToken ct)
    {
        var (steg, frist) = Fristplanerare.Las(job.Data!);
        var mottagare = new List<Mottagare>();
        var gjort = await frister.RecordReminderAsync(job.Target!, Fristmeddelande.Stegnamn(steg),
            new Dictionary<string, object?> { ["at"] = job.DueAt }, async uppgift =>
            {
                if (uppgift.DueAt != frist) return false;
                mottagare.AddRange(Fristmeddelande.Mottagare(uppgift, steg, policy));
                var nyckel = Fristkedja.Dedupliceringsnyckel(uppgift.Id, steg, frist);
                var nya = 0;
                for (var m = 0; m < mottagare.Count; m++)
                {
                    var rad = await utkorg.KoaAsync(Fristmeddelande.Skriv(uppgift, steg, frist, mottagare[m], m == 0 ? nyckel : $"{nyckel}:{m}"), ct);
                    if (db.Entry(rad).State == EntityState.Added) nya++;
                }
                // issue 17: the step on the due date itself tells subscribers that the deadline has passed, in the same commit
                if (nya > 0 && steg == Friststeg.PaminnelsePaFristen) await handelser.TidsfristPasseradAsync(uppgift, frist, ct);
                return nya > 0; // a step that ran before (a lease that ran out) finds its rows and journals nothing
            }, ct);
        if (gjort)
            log.LogInformation("Friststeg {Steg} för uppgiften {Uppgift} (frist {Frist}) till {Mottagare}", steg, job.Target, frist, string.Join(", ", mottagare));
        return gjort ? JobResult.Done : JobResult.Nothing;
    }
}
