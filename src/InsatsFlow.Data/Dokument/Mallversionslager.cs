using InsatsFlow.Core.Dokument;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InsatsFlow.Data.Dokument;

/// <summary>A förbund's template versions: every query names the förbund.</summary>
public sealed class Mallversionslager(InsatsFlowDbContext db) : IMallversionslager
{
    public async Task<IReadOnlyList<Mallversion>> VersionerAsync(Guid forbund, string namn, CancellationToken ct = default) =>
        await db.Set<Mallversion>().AsNoTracking().Where(m => m.ForbundId == forbund && m.Namn == namn).OrderBy(m => m.Version).ToListAsync(ct);

    public async Task<Mallversion> LaggTillAsync(Guid forbund, string namn, string text, string sha256, string av, DateTimeOffset nar, bool aterkallad = false, CancellationToken ct = default)
    {
        // The key (ForbundId, Namn, Version) makes two publishers at once a conflict, never two versions with one number.
        var senaste = await db.Set<Mallversion>().Where(m => m.ForbundId == forbund && m.Namn == namn).Select(m => (int?)m.Version).MaxAsync(ct) ?? 0;
        var version = new Mallversion(forbund, namn, senaste + 1, text, sha256, nar, av, aterkallad);
        db.Add(version);
        await db.SaveChangesAsync(ct);
        db.Entry(version).State = EntityState.Detached;
        return version;
    }
}

/// <summary>A förbund's template versions are insert-only: a change (or a withdrawal) is a new version.</summary>
internal sealed class MallversionConfiguration : IEntityTypeConfiguration<Mallversion>
{
    public void Configure(EntityTypeBuilder<Mallversion> builder)
    {
        builder.ToTable("Mallversioner");
        builder.HasKey(m => new { m.ForbundId, m.Namn, m.Version });
        builder.Property(m => m.Namn).HasMaxLength(100);
        builder.Property(m => m.Text).IsRequired();
        builder.Property(m => m.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(m => m.PubliceradAv).HasMaxLength(200).IsRequired();
        builder.HasOne<InsatsFlow.Core.Domain.Forbund>().WithMany().HasForeignKey(m => m.ForbundId).OnDelete(DeleteBehavior.Restrict);
        foreach (var property in builder.Metadata.GetProperties())
            property.SetAfterSaveBehavior(PropertySaveBehavior.Throw);
    }
}
