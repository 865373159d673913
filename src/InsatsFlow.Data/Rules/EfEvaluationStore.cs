using InsatsFlow.Rules.Evaluation;
using InsatsFlow.Rules.Recording;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Data.Rules;

/// <summary>Stores and reads rule evaluations through the scoped <see cref="InsatsFlowDbContext"/>.</summary>
public sealed class EfEvaluationStore(InsatsFlowDbContext db, TimeProvider time) : IEvaluationStore
{
    public Task<string> RecordAsync(RuleSetResult result, EvaluationContext context, CancellationToken cancellationToken)
    {
        var row = new Regelprovning
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Regelverk = result.Regelverk,
            Version = result.Version,
            Sha256 = result.Sha256,
            GiltigFran = result.GiltigFran,
            Datum = result.Datum,
            IndataJson = result.IndataJson,
            Uppfylld = result.Uppfylld,
            UtfordVidUtc = time.GetUtcNow().UtcDateTime,
            ProcessInstanceId = context.ProcessInstanceId,
            ElementId = context.ElementId,
            Utfall = result.Regler.Select((r, i) => new RegelprovningUtfall
            {
                Ordning = i,
                Regel = r.Regel,
                Utfall = r.Utfall.Text(),
                Allvarlighet = r.Allvarlighet.Text(),
                Meddelande = r.Meddelande,
                RattsligGrund = r.RattsligGrund,
                Detalj = r.Detalj,
            }).ToList(),
        };
        // Added, not saved: the record commits with the engine command (or API request) that made the
        // evaluation, so a gate's verdict and its evidence exist together or not at all.
        db.Add(row);
        return Task.FromResult(row.Id.ToString());
    }

    public async Task<StoredEvaluation?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var guid)) return null;
        var row = await db.Set<Regelprovning>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == guid, cancellationToken);
        return row is null ? null : ToStored(row);
    }

    public async Task<IReadOnlyList<StoredEvaluation>> ForProcessInstanceAsync(string processInstanceId, CancellationToken cancellationToken) =>
        await List(db.Set<Regelprovning>().Where(r => r.ProcessInstanceId == processInstanceId), cancellationToken);

    public async Task<IReadOnlyList<StoredEvaluation>> ForRegelverkAsync(string regelverk, string? version, CancellationToken cancellationToken) =>
        await List(db.Set<Regelprovning>().Where(r => r.Regelverk == regelverk && (version == null || r.Version == version)), cancellationToken);

    private static async Task<IReadOnlyList<StoredEvaluation>> List(IQueryable<Regelprovning> query, CancellationToken cancellationToken)
    {
        var rows = await query.AsNoTracking().OrderBy(r => r.UtfordVidUtc).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        return rows.Select(ToStored).ToList();
    }

    private static StoredEvaluation ToStored(Regelprovning row) => new(
        row.Id.ToString(),
        new DateTimeOffset(DateTime.SpecifyKind(row.UtfordVidUtc, DateTimeKind.Utc)),
        new EvaluationContext(row.ProcessInstanceId, row.ElementId),
        new RuleSetResult(row.Regelverk, row.Version, row.GiltigFran, row.Sha256, row.Datum, row.IndataJson,
            row.Utfall.OrderBy(u => u.Ordning).Select(u => new RuleOutcome(
                u.Regel,
                UtfallText.Parse(u.Utfall) ?? throw new InvalidOperationException($"okänt utfall \"{u.Utfall}\" i regelprövning {row.Id}"),
                u.Allvarlighet == "fel" ? Allvarlighet.Fel : Allvarlighet.Varning,
                u.Meddelande,
                u.RattsligGrund,
                u.Detalj)).ToList()));
}
