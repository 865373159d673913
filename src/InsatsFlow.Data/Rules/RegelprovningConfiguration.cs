using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InsatsFlow.Data.Rules;

internal sealed class RegelprovningConfiguration : IEntityTypeConfiguration<Regelprovning>
{
    public void Configure(EntityTypeBuilder<Regelprovning> b)
    {
        b.ToTable("Regelprovningar");
        b.HasKey(x => x.Id);
        b.Property(x => x.Regelverk).HasMaxLength(100);
        b.Property(x => x.Version).HasMaxLength(50);
        b.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(x => x.ProcessInstanceId).HasMaxLength(100);
        b.Property(x => x.ElementId).HasMaxLength(200);
        b.HasIndex(x => new { x.Regelverk, x.Version });
        b.HasIndex(x => x.ProcessInstanceId);
        b.OwnsMany(x => x.Utfall, u =>
        {
            u.ToTable("RegelprovningUtfall");
            u.WithOwner().HasForeignKey("RegelprovningId");
            u.HasKey("RegelprovningId", nameof(RegelprovningUtfall.Ordning));
            u.Property(x => x.Ordning).ValueGeneratedNever();
            u.Property(x => x.Regel).HasMaxLength(200);
            u.Property(x => x.Utfall).HasMaxLength(20);
            u.Property(x => x.Allvarlighet).HasMaxLength(10);
        });
    }
}
