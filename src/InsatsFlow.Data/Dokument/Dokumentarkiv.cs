using InsatsFlow.Core.Dokument;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Data.Dokument;

internal sealed class Dokumentarkiv(InsatsFlowDbContext db, TimeProvider tid) : IDokumentarkiv
{
    public ArkiveratDokument LaggTill(RenderatDokument dokument, string? processInstansId, string? affarsnyckel)
    {
        var arkiverat = new ArkiveratDokument(Guid.CreateVersion7(tid.GetUtcNow()), dokument, processInstansId, affarsnyckel, tid.GetUtcNow().UtcDateTime);
        db.Set<ArkiveratDokument>().Add(arkiverat);
        return arkiverat;
    }

    public Task<ArkiveratDokument?> HamtaAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Set<ArkiveratDokument>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);

    public async Task<IReadOnlyList<ArkiveratDokument>> ListaForInstansAsync(string processInstansId, CancellationToken cancellationToken = default) =>
        await db.Set<ArkiveratDokument>().AsNoTracking()
            .Where(d => d.ProcessInstansId == processInstansId)
            .OrderBy(d => d.SkapadUtc).ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ArkiveratDokument>> ListaForAffarsnyckelAsync(string affarsnyckel, CancellationToken cancellationToken = default) =>
        await db.Set<ArkiveratDokument>().AsNoTracking()
            .Where(d => d.Affarsnyckel == affarsnyckel)
            .OrderBy(d => d.SkapadUtc).ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);
}
