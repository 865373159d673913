using InsatsFlow.Core.Dokument;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InsatsFlow.Data.Dokument;

/// <summary>
/// Archived documents are insert-only: every property throws if EF is asked to save a change to it.
/// </summary>
internal sealed class ArkiveratDokumentConfiguration : IEntityTypeConfiguration<ArkiveratDokument>
{
    public void Configure(EntityTypeBuilder<ArkiveratDokument> builder)
    {
        builder.ToTable("Dokument");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Typ).HasConversion<string>().HasMaxLength(40).IsRequired();
        builder.Property(d => d.Mallnamn).HasMaxLength(100).IsRequired();
        builder.Property(d => d.MallSha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(d => d.ProcessInstansId).HasMaxLength(100);
        builder.Property(d => d.Affarsnyckel).HasMaxLength(200);
        builder.Property(d => d.Html).IsRequired();
        builder.Property(d => d.ModellJson).IsRequired();
        builder.Property(d => d.SkapadUtc).IsRequired()
            .HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

        builder.HasIndex(d => d.ProcessInstansId);
        builder.HasIndex(d => d.Affarsnyckel);

        foreach (var property in builder.Metadata.GetProperties())
            property.SetAfterSaveBehavior(PropertySaveBehavior.Throw);
    }
}
