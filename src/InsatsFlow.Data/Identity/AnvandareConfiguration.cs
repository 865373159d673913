using InsatsFlow.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InsatsFlow.Data.Identity;

internal sealed class AnvandareConfiguration : IEntityTypeConfiguration<Anvandare>
{
    public void Configure(EntityTypeBuilder<Anvandare> b)
    {
        b.Property(a => a.Namn).HasMaxLength(200);
        b.HasOne<Medlem>().WithMany().HasForeignKey(a => a.MedlemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Forbund>().WithMany().HasForeignKey(a => a.AktivtForbundId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ForbundsrollConfiguration : IEntityTypeConfiguration<Forbundsroll>
{
    public void Configure(EntityTypeBuilder<Forbundsroll> b)
    {
        b.ToTable("Forbundsroller");
        b.HasKey(r => new { r.AnvandareId, r.ForbundId, r.Roll });
        b.Property(r => r.Roll).HasMaxLength(64);
        b.HasOne<Anvandare>().WithMany().HasForeignKey(r => r.AnvandareId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Forbund>().WithMany().HasForeignKey(r => r.ForbundId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => r.ForbundId);
    }
}
