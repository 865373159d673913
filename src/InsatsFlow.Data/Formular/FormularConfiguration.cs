using InsatsFlow.Core.Formular;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InsatsFlow.Data.Formular;

/// <summary>Published form versions are insert-only, like process definitions: a change (or a förbund's withdrawal) is a new version.</summary>
internal sealed class FormularversionConfiguration : IEntityTypeConfiguration<Formularversion>
{
    public void Configure(EntityTypeBuilder<Formularversion> builder)
    {
        builder.ToTable("Formularversioner");
        // "" the installation's default, else a förbund's tenant id; each owner numbers its own versions
        builder.HasKey(f => new { f.FormKey, f.Agare, f.Version });
        builder.Ignore(f => f.ForbundId);
        builder.Property(f => f.FormKey).HasMaxLength(100);
        builder.Property(f => f.Agare).HasMaxLength(64);
        builder.Property(f => f.Schema).IsRequired();
        builder.Property(f => f.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(f => f.PubliceradAv).HasMaxLength(200).IsRequired();
        foreach (var property in builder.Metadata.GetProperties())
            property.SetAfterSaveBehavior(PropertySaveBehavior.Throw);
    }
}

internal sealed class FormularutkastConfiguration : IEntityTypeConfiguration<Formularutkast>
{
    public void Configure(EntityTypeBuilder<Formularutkast> builder)
    {
        builder.ToTable("Formularutkast");
        builder.HasKey(f => new { f.FormKey, f.Agare });
        builder.Property(f => f.FormKey).HasMaxLength(100);
        builder.Property(f => f.Agare).HasMaxLength(64);
        builder.Property(f => f.Schema).IsRequired();
        builder.Property(f => f.SparadAv).HasMaxLength(200).IsRequired();
    }
}
