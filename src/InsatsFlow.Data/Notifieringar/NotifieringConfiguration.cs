using InsatsFlow.Core.Notifieringar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InsatsFlow.Data.Notifieringar;

internal sealed class NotifieringConfiguration : IEntityTypeConfiguration<Notifiering>
{
    public void Configure(EntityTypeBuilder<Notifiering> builder)
    {
        builder.ToTable("Notifieringar");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Ignore(n => n.Mottagare);
        builder.Property(n => n.Mottagartyp).HasConversion<string>().HasMaxLength(20).IsRequired();
        builder.Property(n => n.MottagareId).HasMaxLength(200).IsRequired();
        builder.Property(n => n.Kanal).HasConversion<string>().HasMaxLength(20).IsRequired();
        builder.Property(n => n.Amne).HasMaxLength(NyNotifiering.MaxAmne).IsRequired();
        builder.Property(n => n.Innehall).IsRequired();
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(20).IsRequired();
        builder.Property(n => n.SenasteFel).HasMaxLength(2000);
        builder.Property(n => n.Dedupliceringsnyckel).HasMaxLength(200);
        builder.Property(n => n.Dedupliceringsomfang).HasMaxLength(32).IsRequired();
        builder.Property(n => n.ProcessInstansId).HasMaxLength(100);
        builder.Property(n => n.Version).IsConcurrencyToken();

        builder.Property(n => n.ForfallerUtc).HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        builder.Property(n => n.SkapadUtc).HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        builder.Property(n => n.NastaForsokUtc).HasConversion(v => v, v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
        builder.Property(n => n.SkickadUtc).HasConversion(v => v, v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);

        // The dispatcher's query: queued rows by due time.
        builder.HasIndex(n => new { n.Status, n.ForfallerUtc });
        // a key is unique per förbund, not over the installation (a non-null scope, so that the database enforces it on both providers)
        builder.HasIndex(n => new { n.Dedupliceringsomfang, n.Dedupliceringsnyckel }).IsUnique();
        builder.HasIndex(n => n.ProcessInstansId);
        builder.HasIndex(n => n.ForbundId);
    }
}
