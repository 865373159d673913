using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InsatsFlow.Data.Omladdning;

/// <summary>
/// One row per file-based catalogue that every node loads from its folder (the rule files, the document templates):
/// a node that reloaded after a change it saw bumps <see cref="Generation"/>; the other nodes poll the row and reload
/// too. This is how a reload reaches a node whose file events do not arrive (a network share, another machine).
/// </summary>
public sealed class Omladdningssignal
{
    public const string Regler = "regler";
    public const string Mallar = "mallar";

    public string Namn { get; set; } = "";

    /// <summary>Grows by one with every reload a node announces.</summary>
    public long Generation { get; set; }

    /// <summary>SHA-256 over the announcing node's loaded files: another node that reads other files can say so.</summary>
    public string Fingeravtryck { get; set; } = "";

    public string? Nod { get; set; }

    public DateTimeOffset? Andrad { get; set; }
}

internal sealed class OmladdningssignalConfiguration : IEntityTypeConfiguration<Omladdningssignal>
{
    public void Configure(EntityTypeBuilder<Omladdningssignal> b)
    {
        b.ToTable("Omladdningssignaler");
        b.HasKey(s => s.Namn);
        b.Property(s => s.Namn).HasMaxLength(40);
        b.Property(s => s.Fingeravtryck).HasMaxLength(64);
        b.Property(s => s.Nod).HasMaxLength(200);
        b.Property(s => s.Generation).IsConcurrencyToken();
        // the rows exist from the first migration, so a signal is always an UPDATE (no race between two first inserts)
        b.HasData(
            new Omladdningssignal { Namn = Omladdningssignal.Regler },
            new Omladdningssignal { Namn = Omladdningssignal.Mallar });
    }
}
