using InsatsFlow.Core.Formular;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Data.Formular;

/// <summary>Form versions and drafts by owner ("" the installation, else a förbund's tenant id): every query names the owner.</summary>
public sealed class Formularlager(InsatsFlowDbContext db) : IFormularlager
{
    public async Task<IReadOnlyList<Formularversion>> VersionerAsync(string formKey, string agare, CancellationToken ct = default) =>
        await db.Set<Formularversion>().AsNoTracking().Where(f => f.FormKey == formKey && f.Agare == agare).OrderBy(f => f.Version).ToListAsync(ct);

    public async Task<IReadOnlyList<Formularversion>> SenasteAsync(string agare, CancellationToken ct = default)
    {
        var alla = await db.Set<Formularversion>().AsNoTracking().Where(f => f.Agare == agare).ToListAsync(ct);
        return [.. alla.GroupBy(f => f.FormKey).Select(g => g.MaxBy(f => f.Version)!).OrderBy(f => f.FormKey, StringComparer.Ordinal)];
    }

    public Task<Formularutkast?> UtkastAsync(string formKey, string agare, CancellationToken ct = default) =>
        db.Set<Formularutkast>().AsNoTracking().SingleOrDefaultAsync(f => f.FormKey == formKey && f.Agare == agare, ct);

    public async Task SparaUtkastAsync(Formularutkast utkast, CancellationToken ct = default)
    {
        var finns = await db.Set<Formularutkast>().SingleOrDefaultAsync(f => f.FormKey == utkast.FormKey && f.Agare == utkast.Agare, ct);
        if (finns is not null) db.Remove(finns);
        db.Add(utkast);
        await db.SaveChangesAsync(ct);
    }

    public async Task<Formularversion> PubliceraAsync(string formKey, string agare, string schema, string sha256, string av, DateTimeOffset nar,
        bool aterkallad = false, CancellationToken ct = default)
    {
        // The key (FormKey, Agare, Version) makes two publishers of one owner's form at once a conflict, never two versions with one number.
        var senaste = await db.Set<Formularversion>().Where(f => f.FormKey == formKey && f.Agare == agare).Select(f => (int?)f.Version).MaxAsync(ct) ?? 0;
        var version = new Formularversion(formKey, senaste + 1, schema, sha256, nar, av, agare, aterkallad);
        db.Add(version);
        if (await db.Set<Formularutkast>().SingleOrDefaultAsync(f => f.FormKey == formKey && f.Agare == agare, ct) is { } utkast) db.Remove(utkast);
        await db.SaveChangesAsync(ct);
        db.Entry(version).State = EntityState.Detached;
        return version;
    }
}
