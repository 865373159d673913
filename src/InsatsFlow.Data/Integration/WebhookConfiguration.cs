using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace InsatsFlow.Data.Integration;

internal static class Utc
{
    public static readonly ValueConverter<DateTime, DateTime> Tid = new(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
    public static readonly ValueConverter<DateTime?, DateTime?> KanskeTid = new(v => v, v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
}

internal sealed class WebhookprenumerationConfiguration : IEntityTypeConfiguration<Webhookprenumeration>
{
    public void Configure(EntityTypeBuilder<Webhookprenumeration> b)
    {
        b.ToTable("Webhookprenumerationer");
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Url).HasMaxLength(2000);
        b.Property(p => p.Handelser).HasMaxLength(400);
        b.Property(p => p.Hemlighet).HasMaxLength(100);
        b.Property(p => p.SkapadAv).HasMaxLength(256);
        b.Property(p => p.SkapadUtc).HasConversion(Utc.Tid);
        b.Property(p => p.RoteradUtc).HasConversion(Utc.KanskeTid);
        b.Property(p => p.AvslutadUtc).HasConversion(Utc.KanskeTid);
        b.Ignore(p => p.HandelseLista);
        b.HasIndex(p => p.ForbundId);
    }
}

internal sealed class WebhookhandelseConfiguration : IEntityTypeConfiguration<Webhookhandelse>
{
    public void Configure(EntityTypeBuilder<Webhookhandelse> b)
    {
        b.ToTable("Webhookhandelser");
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.Typ).HasMaxLength(60);
        b.Property(h => h.Innehall).IsRequired();
        b.Property(h => h.SkapadUtc).HasConversion(Utc.Tid);
        b.HasIndex(h => new { h.ForbundId, h.SkapadUtc });
    }
}

internal sealed class WebhookleveransConfiguration : IEntityTypeConfiguration<Webhookleverans>
{
    public void Configure(EntityTypeBuilder<Webhookleverans> b)
    {
        b.ToTable("Webhookleveranser");
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.Typ).HasMaxLength(60);
        b.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.SenasteFel).HasMaxLength(2000);
        b.Property(l => l.SkapadUtc).HasConversion(Utc.Tid);
        b.Property(l => l.LevereradUtc).HasConversion(Utc.KanskeTid);
        b.Property(l => l.NastaForsokUtc).HasConversion(Utc.KanskeTid);
        // the admin's delivery log: a subscription's deliveries, newest first
        b.HasIndex(l => new { l.PrenumerationId, l.SkapadUtc });
        b.HasIndex(l => l.HandelseId);
    }
}

internal sealed class WebhookforsokConfiguration : IEntityTypeConfiguration<Webhookforsok>
{
    public void Configure(EntityTypeBuilder<Webhookforsok> b)
    {
        b.ToTable("Webhookforsok");
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.Fel).HasMaxLength(2000);
        b.Property(f => f.TidpunktUtc).HasConversion(Utc.Tid);
        b.HasIndex(f => new { f.LeveransId, f.Nummer }).IsUnique();
    }
}
