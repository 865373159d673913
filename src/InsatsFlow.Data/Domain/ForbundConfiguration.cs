using InsatsFlow.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InsatsFlow.Data.Domain;

internal sealed class ForbundConfiguration : IEntityTypeConfiguration<Forbund>
{
    public void Configure(EntityTypeBuilder<Forbund> b)
    {
        b.ToTable("Forbund");
        b.Property(f => f.Namn).HasMaxLength(200);
        b.Property(f => f.Organisationsnummer).HasMaxLength(11);
        b.HasIndex(f => f.Organisationsnummer).IsUnique();
        b.HasMany(f => f.Medlemmar).WithOne().HasForeignKey(m => m.ForbundId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(f => f.Medlemmar).AutoInclude();
    }
}

internal sealed class MedlemConfiguration : IEntityTypeConfiguration<Medlem>
{
    public void Configure(EntityTypeBuilder<Medlem> b)
    {
        b.ToTable("Medlemmar");
        b.Property(m => m.Namn).HasMaxLength(200);
        b.Property(m => m.Typ).HasConversion<string>().HasMaxLength(40);
        b.Property(m => m.Andel).HasPrecision(7, 6);
    }
}
