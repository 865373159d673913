using InsatsFlow.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InsatsFlow.Data;

/// <summary>
/// Refuses invalid domain data before anything is written: every tracked aggregate validates itself,
/// every medlem it names must be a member of its own förbund, and no text may be longer than its column. Throws DomainValidationException.
/// </summary>
internal sealed class DomainValidationInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context) Validate(context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) Validate(context);
        return ValueTask.FromResult(result);
    }

    private static void Validate(DbContext context)
    {
        // one pass over the tracked rows, not one per Entries() call (each detects changes again): the passes were most
        // of a small command's save. A context that turned automatic detection off has detected its changes itself.
        var tracker = context.ChangeTracker;
        var auto = tracker.AutoDetectChangesEnabled;
        if (auto) tracker.DetectChanges();
        List<IValideras> aggregates;
        List<Valideringsfel> fel;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            aggregates = tracker.Entries<IValideras>()
                .Where(e => e.State != EntityState.Deleted)
                .Select(e => e.Entity)
                .ToList();
            fel = ColumnLengthCheck.Check(context).ToList();
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = auto;
        }
        if (aggregates.Count == 0 && fel.Count == 0) return;

        foreach (var aggregate in aggregates)
            fel.AddRange(aggregate.Validera().Select(f => f with { Falt = $"{aggregate.GetType().Name}.{f.Falt}" }));

        var references = aggregates.SelectMany(MedlemReferences).ToList();
        if (references.Count > 0)
        {
            var ids = references.Select(r => r.MedlemId).Distinct().ToList();
            var known = context.Set<Medlem>().AsNoTracking().Where(m => ids.Contains(m.Id))
                .Select(m => new { m.Id, m.ForbundId }).ToDictionary(m => m.Id, m => m.ForbundId);
            foreach (var added in context.ChangeTracker.Entries<Medlem>().Where(e => e.State == EntityState.Added))
                known[added.Entity.Id] = added.Entity.ForbundId;
            foreach (var r in references)
                if (!known.TryGetValue(r.MedlemId, out var forbundId) || forbundId != r.ForbundId)
                    fel.Add(new(r.Falt, $"Okänd medlem {r.MedlemId}: den är inte medlem i förbundet."));
        }

        DomainValidationException.ThrowIfAny(fel);
    }

    private sealed record MedlemReference(Guid ForbundId, Guid MedlemId, string Falt);

    private static IEnumerable<MedlemReference> MedlemReferences(IValideras aggregate) => aggregate switch
    {
        Insats i => i.InvolveradeMedlemmar.Select((m, n) =>
            new MedlemReference(i.ForbundId, m.MedlemId, $"Insats.InvolveradeMedlemmar[{n}]")),
        Arsbudget a => a.Intakter.Select((x, n) => new MedlemReference(a.ForbundId, x.MedlemId, $"Arsbudget.Intakter[{n}].MedlemId"))
            .Concat(a.Samrad.Select((x, n) => new MedlemReference(a.ForbundId, x.MedlemId, $"Arsbudget.Samrad[{n}].MedlemId"))),
        Styrelse s => s.Ledamoter.Select((x, n) => new MedlemReference(s.ForbundId, x.MedlemId, $"Styrelse.Ledamoter[{n}].MedlemId")),
        _ => [],
    };
}
