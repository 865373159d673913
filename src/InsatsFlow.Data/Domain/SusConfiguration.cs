using InsatsFlow.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InsatsFlow.Data.Domain;

/// <summary>The SUS fields of an insats and its uppföljningsrapporter, and the diarium.</summary>
internal static class SusConfiguration
{
    public static void Konfigurera(EntityTypeBuilder<Insats> b)
    {
        b.OwnsOne(i => i.Sus, s =>
        {
            s.Property(x => x.Beskrivning).HasColumnName("SusBeskrivning").HasMaxLength(4000);
            s.Property(x => x.Inriktning).HasColumnName("SusInriktning").HasMaxLength(60);
            s.Property(x => x.PreciseradInriktning).HasColumnName("SusPreciseradInriktning").HasMaxLength(60);
            s.Property(x => x.Matningsmetod).HasColumnName("SusMatningsmetod").HasMaxLength(60);
            s.PrimitiveCollection(x => x.Malgrupper).HasColumnName("SusMalgrupper");
        });
        b.Navigation(i => i.Sus).IsRequired();
        Fasbyten(b);
        b.OwnsMany(i => i.SusArsplaner, p =>
        {
            p.ToTable("SusArsplaner");
            p.WithOwner().HasForeignKey("InsatsId");
            p.Property<int>("Id");
            p.HasKey("Id");
        });
        b.OwnsMany(i => i.SusBudgetposter, p =>
        {
            p.ToTable("SusBudgetposter");
            p.WithOwner().HasForeignKey("InsatsId");
            p.Property<int>("Id");
            p.HasKey("Id");
            p.Property(x => x.Budgettyp).HasMaxLength(60);
            p.Property(x => x.Budget).HasPrecision(18, 2);
            p.Property(x => x.Utfall).HasPrecision(18, 2);
            p.Property(x => x.Beskrivning).HasMaxLength(1000);
        });
    }

    public static void Fasbyten(EntityTypeBuilder<Insats> b) =>
        b.OwnsMany(i => i.Fasbyten, f =>
        {
            f.ToTable("Fasbyten");
            f.WithOwner().HasForeignKey("InsatsId");
            f.Property<int>("Id");
            f.HasKey("Id");
            f.Property(x => x.Fas).HasConversion<string>().HasMaxLength(40);
        });

    public static void Utfall(OwnedNavigationBuilder<Insats, Uppfoljningsrapport> u) =>
        u.OwnsMany(x => x.Utfall, f =>
        {
            f.ToTable("UppfoljningsrapportUtfall");
            f.WithOwner().HasForeignKey("UppfoljningsrapportId");
            f.Property<int>("Id");
            f.HasKey("Id");
            f.Property(x => x.Budgettyp).HasMaxLength(60);
            f.Property(x => x.Belopp).HasPrecision(18, 2);
        });
}

internal sealed class DiariepostConfiguration : IEntityTypeConfiguration<Diariepost>
{
    public void Configure(EntityTypeBuilder<Diariepost> b)
    {
        b.ToTable("Diarieposter");
        b.HasOne<Insats>().WithMany().HasForeignKey(d => d.InsatsId).OnDelete(DeleteBehavior.Cascade);
        b.Property(d => d.Arende).HasMaxLength(40);
        b.Property(d => d.Handling).HasMaxLength(200);
        b.Property(d => d.Riktning).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(d => new { d.InsatsId, d.Lopnummer }).IsUnique();
        b.Ignore(d => d.Diarienummer);
        b.Ignore(d => d.OverklagandetidSlutar);
    }
}
