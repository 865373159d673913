using InsatsFlow.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InsatsFlow.Data.Domain;

internal sealed class InsatsConfiguration : IEntityTypeConfiguration<Insats>
{
    public void Configure(EntityTypeBuilder<Insats> b)
    {
        b.ToTable("Insatser");
        b.HasOne<Forbund>().WithMany().HasForeignKey(i => i.ForbundId).OnDelete(DeleteBehavior.Restrict);
        b.Property(i => i.Diarienummer).HasMaxLength(40);
        b.HasIndex(i => new { i.ForbundId, i.Diarienummer }).IsUnique();
        b.Property(i => i.Titel).HasMaxLength(300);
        b.Property(i => i.SokandeOrganisation).HasMaxLength(200);
        b.Property(i => i.Fas).HasConversion<string>().HasMaxLength(40);

        b.HasMany(i => i.InvolveradeMedlemmar).WithOne().HasForeignKey(m => m.InsatsId).OnDelete(DeleteBehavior.Cascade);

        b.OwnsOne(i => i.Malgrupp, m =>
        {
            m.Property(x => x.Beskrivning).HasColumnName("MalgruppBeskrivning");
            m.Property(x => x.AlderFran).HasColumnName("MalgruppAlderFran");
            m.Property(x => x.AlderTill).HasColumnName("MalgruppAlderTill");
        });
        b.Navigation(i => i.Malgrupp).IsRequired();
        b.OwnsOne(i => i.Avsnitt, a => a.ToTable("Ansokningar"));
        b.Navigation(i => i.Avsnitt).IsRequired();

        b.OwnsMany(i => i.Kontaktpersoner, k =>
        {
            k.ToTable("Kontaktpersoner");
            k.WithOwner().HasForeignKey("InsatsId");
            k.Property<int>("Id");
            k.HasKey("Id");
            k.Property(x => x.Namn).HasMaxLength(200);
        });
        b.OwnsMany(i => i.Budgetrader, r =>
        {
            r.ToTable("Budgetrader");
            r.WithOwner().HasForeignKey("InsatsId");
            r.Property<int>("Id");
            r.HasKey("Id");
            r.Property(x => x.Kostnadstyp).HasMaxLength(60);
            r.Property(x => x.Belopp).HasPrecision(18, 2);
        });
        b.HasMany(i => i.Beslut).WithOne().HasForeignKey(x => x.InsatsId).OnDelete(DeleteBehavior.Cascade);
        b.OwnsMany(i => i.Uppfoljningsrapporter, u =>
        {
            u.ToTable("Uppfoljningsrapporter");
            u.WithOwner().HasForeignKey("InsatsId");
            u.HasKey(x => x.Id);
            SusConfiguration.Utfall(u);
        });
        b.OwnsMany(i => i.Yttranden, y =>
        {
            y.ToTable("Yttranden");
            y.WithOwner().HasForeignKey("InsatsId");
            y.HasKey(x => x.Id);
            y.HasOne<Medlem>().WithMany().HasForeignKey(x => x.MedlemId).OnDelete(DeleteBehavior.Restrict);
            y.Property(x => x.LamnatAv).HasMaxLength(256);
            y.Property(x => x.Ombudsskal).HasMaxLength(1000);
        });
        b.OwnsOne(i => i.Slutrapport, r =>
        {
            r.ToTable("Slutrapporter");
            r.Property(x => x.LamnadAv).HasMaxLength(256);
        });
        SusConfiguration.Konfigurera(b);
        b.OwnsOne(i => i.Implementeringsbeslut, ib =>
        {
            ib.ToTable("Implementeringsbeslut");
            ib.Property(x => x.Alternativ).HasConversion<string>().HasMaxLength(20);
            ib.OwnsMany(x => x.Delar, d =>
            {
                d.ToTable("ImplementeradeDelar");
                d.Property<int>("Id");
                d.HasKey("Id");
                d.Property(x => x.Andel).HasPrecision(5, 4);
            });
            ib.OwnsMany(x => x.FortsattFinansiering, f =>
            {
                f.ToTable("FortsattFinansiering");
                f.Property<int>("Id");
                f.HasKey("Id");
                f.Property(x => x.Belopp).HasPrecision(18, 2);
            });
        });

        b.Navigation(i => i.InvolveradeMedlemmar).AutoInclude();
        b.Navigation(i => i.Beslut).AutoInclude();
    }
}

internal sealed class InsatsMedlemConfiguration : IEntityTypeConfiguration<InsatsMedlem>
{
    public void Configure(EntityTypeBuilder<InsatsMedlem> b)
    {
        b.ToTable("InsatsMedlemmar");
        b.HasKey(m => new { m.InsatsId, m.MedlemId });
        b.HasOne<Medlem>().WithMany().HasForeignKey(m => m.MedlemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BeslutConfiguration : IEntityTypeConfiguration<Beslut>
{
    public void Configure(EntityTypeBuilder<Beslut> b)
    {
        b.ToTable("Beslut");
        b.Property(x => x.Typ).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.BeviljatBelopp).HasPrecision(18, 2);
        b.HasOne<Sammantrade>().WithMany().HasForeignKey(x => x.SammantradeId).OnDelete(DeleteBehavior.Restrict);
    }
}
