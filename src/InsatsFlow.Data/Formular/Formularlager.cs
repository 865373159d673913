using InsatsFlow.Core.Formular;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Data.Formular;

public sealed class Formularlager(InsatsFlowDbContext db) : IFormularlager
{
    public async Task<IReadOnlyList<Formularversion>> VersionerAsync(string formKey, CancellationToken ct = default) =>
        await db.Set<Formularversion>().AsNoTracking().Where(f => f.FormKey == formKey).OrderBy(f => f.Version).ToListAsync(ct);

    public async Task<IReadOnlyList<Formularversion>> SenasteAsync(CancellationToken ct = default)
    {
        var alla = await db.Set<Formularversion>().AsNoTracking().ToListAsync(ct);
        return [.. alla.GroupBy(f => f.FormKey).Select(g => g.MaxBy(f => f.Version)!).OrderBy(f => f.FormKey, StringComparer.Ordinal)];
    }

    public Task<Formularutkast?> UtkastAsync(string formKey, CancellationToken ct = default) =>
        db.Set<Formularutkast>().AsNoTracking().SingleOrDefaultAsync(f => f.FormKey == formKey, ct);

    public async Task SparaUtkastAsync(Formularutkast utkast, CancellationToken ct = default)
    {
        var finns = await db.Set<Formularutkast>().SingleOrDefaultAsync(f => f.FormKey == utkast.FormKey, ct);
        if (finns is not null) db.Remove(finns);
        db.Add(utkast);
        await db.SaveChangesAsync(ct);
    }

    public async Task<Formularversion> PubliceraAsync(string formKey, string schema, string sha256, string av, DateTimeOffset nar, CancellationToken ct = default)
    {
        // The key (FormKey, Version) makes two publishers of one form at once a conflict, never two versions with one number.
        var senaste = await db.Set<Formularversion>().Where(f => f.FormKey == formKey).Select(f => (int?)f.Version).MaxAsync(ct) ?? 0;
        var version = new Formularversion(formKey, senaste + 1, schema, sha256, nar, av);
        db.Add(version);
        if (await db.Set<Formularutkast>().SingleOrDefaultAsync(f => f.FormKey == formKey, ct) is { } utkast) db.Remove(utkast);
        await db.SaveChangesAsync(ct);
        db.Entry(version).State = EntityState.Detached;
        return version;
    }
}
