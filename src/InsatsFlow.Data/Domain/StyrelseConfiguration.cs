using InsatsFlow.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InsatsFlow.Data.Domain;

internal sealed class StyrelseConfiguration : IEntityTypeConfiguration<Styrelse>
{
    public void Configure(EntityTypeBuilder<Styrelse> b)
    {
        b.ToTable("Styrelser");
        b.HasOne<Forbund>().WithMany().HasForeignKey(s => s.ForbundId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(s => s.Ledamoter, l =>
        {
            l.ToTable("Styrelseledamoter");
            l.WithOwner().HasForeignKey("StyrelseId");
            l.HasKey(x => x.Id);
            l.Property(x => x.Namn).HasMaxLength(200);
            l.Property(x => x.Roll).HasConversion<string>().HasMaxLength(20);
            l.Property(x => x.Uppdrag).HasConversion<string>().HasMaxLength(20);
            l.HasOne<Medlem>().WithMany().HasForeignKey(x => x.MedlemId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

internal sealed class SammantradeConfiguration : IEntityTypeConfiguration<Sammantrade>
{
    public void Configure(EntityTypeBuilder<Sammantrade> b)
    {
        b.ToTable("Sammantraden");
        b.HasOne<Forbund>().WithMany().HasForeignKey(s => s.ForbundId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(s => s.Narvaro, n =>
        {
            n.ToTable("Narvaro");
            n.WithOwner().HasForeignKey("SammantradeId");
            n.HasKey("SammantradeId", nameof(Narvaro.LedamotId));
        });
        b.OwnsMany(s => s.Arenden, a =>
        {
            a.ToTable("Arenden");
            a.WithOwner().HasForeignKey("SammantradeId");
            a.HasKey(x => x.Id);
            a.Property(x => x.Rubrik).HasMaxLength(300);
            a.HasOne<Insats>().WithMany().HasForeignKey(x => x.InsatsId).OnDelete(DeleteBehavior.Restrict);
            a.OwnsMany(x => x.Jav, j =>
            {
                j.ToTable("JavAnmalningar");
                j.WithOwner().HasForeignKey("ArendeId");
                j.HasKey("ArendeId", nameof(JavAnmalan.LedamotId));
                j.Property(x => x.Grund).HasMaxLength(500);
            });
        });
    }
}
