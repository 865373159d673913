using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Handelser;
using InsatsFlow.Engine.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace InsatsFlow.Data.Integration;

/// <summary>
/// Sees, in what a SaveChanges is about to write, the changes other systems subscribe to (an insats added or moved to
/// another phase, a task created or completed, a decision, an incident), and adds their events to the same save
/// (<see cref="Handelseutkorg"/>). So an event is committed with its change, or rolled back with it, wherever the change
/// was made (the engine, a handler, a page) and without the engine knowing. What each event says is Core's
/// (<see cref="Handelser"/>).
/// </summary>
internal sealed class HandelseInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context) SkrivAsync(context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) await SkrivAsync(context, cancellationToken);
        return result;
    }

    private static async Task SkrivAsync(DbContext db, CancellationToken ct)
    {
        // this save's changes are detected already, by the validation interceptor registered before this one or, in the
        // engine's unit (automatic detection off), by its store: a second pass over every tracked row would be the save's dearest part
        var tracker = db.ChangeTracker;
        var auto = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        List<EntityEntry> andringar;
        try
        {
            andringar = tracker.Entries().Where(Intressant).ToList();
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = auto;
        }
        if (andringar.Count == 0) return;
        var aktiva = await Handelseutkorg.AktivaAsync(db, ct);
        if (aktiva.Count == 0) return;
        var nu = Klocka(db).GetUtcNow();
        var forbund = new Forbundsuppslag(db);
        foreach (var e in andringar)
        {
            var handelse = e.Entity switch
            {
                Insats i when e.State == EntityState.Added => Handelser.InsatsRegistrerad(i, nu),
                Insats i => Handelser.InsatsFasAndrad(i, (InsatsFas)e.Property(nameof(Insats.Fas)).OriginalValue!, nu),
                TaskItem t when e.State == EntityState.Added => await forbund.ForArendeAsync(t.BusinessKey, ct) is { } f ? Handelser.UppgiftSkapad(t, f, nu) : null,
                TaskItem t => await forbund.ForArendeAsync(t.BusinessKey, ct) is { } f ? Handelser.UppgiftSlutford(t, f, nu) : null,
                Beslut b => await forbund.InsatsAsync(b.InsatsId, ct) is { } i ? Handelser.BeslutFattat(b, i, nu) : null,
                Incident x => await forbund.ForInstansAsync(x.InstanceId, ct) is ({ } f, var arende) ? Handelser.IncidentOppnad(x, arende, f, nu) : null,
                _ => null,
            };
            if (handelse is not null) Handelseutkorg.Lagg(db, aktiva, handelse, nu);
        }
    }

    private static bool Intressant(EntityEntry e) => e.Entity switch
    {
        Insats => e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(nameof(Insats.Fas)) is { IsModified: true } fas && !Equals(fas.OriginalValue, fas.CurrentValue)),
        TaskItem t => e.State == EntityState.Added || (e.State == EntityState.Modified && t.State == TaskState.Completed
            && e.Property(nameof(TaskItem.State)) is { IsModified: true } s && !Equals(s.OriginalValue, TaskState.Completed)),
        Beslut or Incident => e.State == EntityState.Added,
        _ => false,
    };

    /// <summary>The host's clock (a test's fake one) when the context came from its container.</summary>
    private static TimeProvider Klocka(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService(typeof(TimeProvider)) as TimeProvider
        ?? TimeProvider.System;
}
