using InsatsFlow.Data.Engine;
using InsatsFlow.Engine.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InsatsFlow.Data.Jobs;

/// <summary>The job table. Times that are compared in SQL (due, lease) are UTC ticks, as on every engine table.</summary>
internal sealed class JobMapping : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> b)
    {
        b.ToTable("Jobs");
        b.HasKey(j => j.Id);
        b.Property(j => j.Id).HasMaxLength(40);
        b.Property(j => j.Kind).HasMaxLength(60).IsRequired();
        b.Property(j => j.Target).HasMaxLength(300);
        b.Property(j => j.Data).HasMaxLength(2000);
        b.Property(j => j.Key).HasMaxLength(300);
        b.Property(j => j.State).HasConversion<string>().HasMaxLength(20);
        b.Property(j => j.LockOwner).HasMaxLength(200);
        b.Property(j => j.LastError).HasMaxLength(2000);
        b.Property(j => j.DueAt).HasConversion(EngineColumns.UtcTicks);
        b.Property(j => j.LockExpiresAt).HasConversion(EngineColumns.UtcTicks);
        b.Property(j => j.CompletedAt).HasConversion(EngineColumns.UtcTicks);
        // the poller's query: pending and due, oldest first
        b.HasIndex(j => new { j.State, j.DueAt });
        b.HasIndex(j => new { j.Kind, j.Target });
        b.HasIndex(j => j.Key);
    }
}
