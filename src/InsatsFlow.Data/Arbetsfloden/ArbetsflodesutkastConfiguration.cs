using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InsatsFlow.Data.Arbetsfloden;

internal sealed class ArbetsflodesutkastConfiguration : IEntityTypeConfiguration<Arbetsflodesutkast>
{
    public void Configure(EntityTypeBuilder<Arbetsflodesutkast> b)
    {
        b.ToTable("Arbetsflodesutkast");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.ProcessNyckel).HasMaxLength(200);
        b.Property(x => x.Namn).HasMaxLength(300);
        b.Property(x => x.Xml).IsRequired();
        b.Property(x => x.SparadAv).HasMaxLength(256).IsRequired();
        b.Property(x => x.SparadUtc).HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        b.Property(x => x.PubliceradSom).HasMaxLength(250);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.ProcessNyckel);
    }
}
