using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InsatsFlow.Data.Integration;

internal sealed class MaskinklientConfiguration : IEntityTypeConfiguration<Maskinklient>
{
    public void Configure(EntityTypeBuilder<Maskinklient> b)
    {
        b.ToTable("Maskinklienter");
        b.Property(k => k.Namn).HasMaxLength(100);
        b.HasIndex(k => k.Namn).IsUnique();
        b.Property(k => k.Omfang).HasMaxLength(200);
        b.Property(k => k.TokenHash).HasMaxLength(32);
        b.Property(k => k.SkapadAv).HasMaxLength(256);
        b.Ignore(k => k.OmfangLista);
    }
}
