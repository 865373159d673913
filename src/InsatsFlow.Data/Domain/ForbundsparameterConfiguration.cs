using InsatsFlow.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InsatsFlow.Data.Domain;

internal sealed class ForbundsparameterConfiguration : IEntityTypeConfiguration<Forbundsparameter>
{
    public void Configure(EntityTypeBuilder<Forbundsparameter> b)
    {
        b.ToTable("Forbundsparametrar");
        b.HasKey(p => new { p.ForbundId, p.Regelverk, p.Namn });
        b.Property(p => p.Regelverk).HasMaxLength(100);
        b.Property(p => p.Namn).HasMaxLength(100);
        b.Property(p => p.Varde).HasPrecision(18, 6);
        b.Property(p => p.AndradAv).HasMaxLength(256);
        b.HasOne<Forbund>().WithMany().HasForeignKey(p => p.ForbundId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ForbundshandelseConfiguration : IEntityTypeConfiguration<Forbundshandelse>
{
    public void Configure(EntityTypeBuilder<Forbundshandelse> b)
    {
        b.ToTable("Forbundshandelser");
        b.Property(h => h.Anvandare).HasMaxLength(256);
        b.Property(h => h.Handelse).HasMaxLength(64);
        b.Property(h => h.Beskrivning).HasMaxLength(4000);
        b.HasIndex(h => new { h.ForbundId, h.TidUtc });
        b.HasOne<Forbund>().WithMany().HasForeignKey(h => h.ForbundId).OnDelete(DeleteBehavior.Restrict);
    }
}
