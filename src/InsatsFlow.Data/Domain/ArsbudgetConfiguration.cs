using InsatsFlow.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InsatsFlow.Data.Domain;

internal sealed class ArsbudgetConfiguration : IEntityTypeConfiguration<Arsbudget>
{
    public void Configure(EntityTypeBuilder<Arsbudget> b)
    {
        b.ToTable("Arsbudgetar");
        b.HasOne<Forbund>().WithMany().HasForeignKey(x => x.ForbundId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ForbundId, x.Ar }).IsUnique();
        b.Property(x => x.EgetKapital).HasPrecision(18, 2);
        b.Ignore(x => x.SummaIntakter);
        b.Ignore(x => x.SummaKostnader);
        b.Ignore(x => x.Resultat);
        b.OwnsMany(x => x.Intakter, i =>
        {
            i.ToTable("BudgetIntakter");
            i.WithOwner().HasForeignKey("ArsbudgetId");
            i.HasKey("ArsbudgetId", nameof(MedlemsIntakt.MedlemId));
            i.Property(x => x.Belopp).HasPrecision(18, 2);
            i.HasOne<Medlem>().WithMany().HasForeignKey(x => x.MedlemId).OnDelete(DeleteBehavior.Restrict);
        });
        b.OwnsMany(x => x.Kostnader, k =>
        {
            k.ToTable("BudgetKostnader");
            k.WithOwner().HasForeignKey("ArsbudgetId");
            k.Property(x => x.Omrade).HasConversion<string>().HasMaxLength(30);
            k.HasKey("ArsbudgetId", nameof(Kostnadspost.Omrade));
            k.Property(x => x.Belopp).HasPrecision(18, 2);
        });
        b.OwnsMany(x => x.Samrad, s =>
        {
            s.ToTable("BudgetSamrad");
            s.WithOwner().HasForeignKey("ArsbudgetId");
            s.HasKey("ArsbudgetId", nameof(Samrad.MedlemId));
            s.HasOne<Medlem>().WithMany().HasForeignKey(x => x.MedlemId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
