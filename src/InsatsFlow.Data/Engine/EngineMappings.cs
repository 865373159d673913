using InsatsFlow.Engine.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace InsatsFlow.Data.Engine;

// The engine's rows. Provider-neutral: strings, longs, enums as text; times that are queried by range
// (timer due times) as UTC ticks, because SQLite cannot compare DateTimeOffset.

internal static class EngineColumns
{
    public static readonly ValueConverter<DateTimeOffset, long> UtcTicks =
        new(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
}

internal sealed class ProcessDefinitionMapping : IEntityTypeConfiguration<ProcessDefinition>
{
    public void Configure(EntityTypeBuilder<ProcessDefinition> b)
    {
        b.ToTable("EngineDefinitions");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).HasMaxLength(300);
        b.Property(d => d.Key).HasMaxLength(250).IsRequired();
        b.Property(d => d.ContentHash).HasMaxLength(64).IsRequired();
        b.Property(d => d.MessageStartNames).HasMaxLength(2000);
        b.HasIndex(d => new { d.Key, d.Version }).IsUnique();
    }
}

internal sealed class ProcessInstanceMapping : IEntityTypeConfiguration<ProcessInstance>
{
    public void Configure(EntityTypeBuilder<ProcessInstance> b)
    {
        b.ToTable("EngineInstances");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).HasMaxLength(40);
        b.Property(i => i.DefinitionId).HasMaxLength(300).IsRequired();
        b.Property(i => i.DefinitionKey).HasMaxLength(250).IsRequired();
        b.Property(i => i.BusinessKey).HasMaxLength(250);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.Property(i => i.JournalHash).HasMaxLength(64);
        b.HasIndex(i => new { i.DefinitionKey, i.Status });
        b.HasIndex(i => i.BusinessKey);
    }
}

internal sealed class TaskItemMapping : IEntityTypeConfiguration<TaskItem>
{
    public void Configure(EntityTypeBuilder<TaskItem> b)
    {
        b.ToTable("EngineTasks");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).HasMaxLength(40);
        b.Property(t => t.InstanceId).HasMaxLength(40).IsRequired();
        b.Property(t => t.TokenId).HasMaxLength(40).IsRequired();
        b.Property(t => t.ElementId).HasMaxLength(250).IsRequired();
        b.Property(t => t.Assignee).HasMaxLength(250);
        b.Property(t => t.State).HasConversion<string>().HasMaxLength(20);
        // Deadlines are queried by range (the overview, escalation scans): ticks compare on every provider.
        b.Property(t => t.DueAt).HasConversion(EngineColumns.UtcTicks);
        b.HasIndex(t => new { t.State, t.DueAt });
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Ignore(t => t.CandidateUserList);
        b.Ignore(t => t.CandidateGroupList);
        b.HasIndex(t => new { t.InstanceId, t.State });
        b.HasIndex(t => new { t.Assignee, t.State });
        b.Property(t => t.CreatedAt).HasConversion(EngineColumns.UtcTicks); // the inbox sorts by it
    }
}

internal sealed class TaskCandidateMapping : IEntityTypeConfiguration<TaskCandidate>
{
    public void Configure(EntityTypeBuilder<TaskCandidate> b)
    {
        b.ToTable("EngineTaskCandidates");
        // the key is (Candidate, TaskId): the inbox asks by candidate, so the key is its index
        b.HasKey(c => new { c.Candidate, c.TaskId });
        b.Property(c => c.Candidate).HasMaxLength(300);
        b.Property(c => c.TaskId).HasMaxLength(40);
        b.HasIndex(c => c.TaskId);
    }
}

internal sealed class TimerJobMapping : IEntityTypeConfiguration<TimerJob>
{
    public void Configure(EntityTypeBuilder<TimerJob> b)
    {
        b.ToTable("EngineTimers");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).HasMaxLength(40);
        b.Property(t => t.InstanceId).HasMaxLength(40);
        b.Property(t => t.DefinitionId).HasMaxLength(300).IsRequired();
        b.Property(t => t.TokenId).HasMaxLength(40);
        b.Property(t => t.ElementId).HasMaxLength(250).IsRequired();
        b.Property(t => t.DueAt).HasConversion(EngineColumns.UtcTicks);
        b.Property(t => t.State).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasIndex(t => new { t.State, t.DueAt });
        b.HasIndex(t => t.InstanceId);
    }
}

internal sealed class MessageSubscriptionMapping : IEntityTypeConfiguration<MessageSubscription>
{
    public void Configure(EntityTypeBuilder<MessageSubscription> b)
    {
        b.ToTable("EngineMessageSubscriptions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).HasMaxLength(40);
        b.Property(s => s.InstanceId).HasMaxLength(40).IsRequired();
        b.Property(s => s.TokenId).HasMaxLength(40).IsRequired();
        b.Property(s => s.ElementId).HasMaxLength(250).IsRequired();
        b.Property(s => s.MessageName).HasMaxLength(250).IsRequired();
        b.Property(s => s.BusinessKey).HasMaxLength(250);
        b.HasIndex(s => new { s.MessageName, s.BusinessKey });
        b.HasIndex(s => s.InstanceId);
    }
}

internal sealed class JournalEntryMapping : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> b)
    {
        b.ToTable("EngineJournal");
        b.HasKey(j => new { j.InstanceId, j.Sequence });
        b.Property(j => j.InstanceId).HasMaxLength(40);
        b.Property(j => j.Event).HasMaxLength(60).IsRequired();
        b.Property(j => j.ElementId).HasMaxLength(250);
        b.Property(j => j.UserId).HasMaxLength(250);
        b.Property(j => j.PreviousHash).HasMaxLength(64);
        b.Property(j => j.Hash).HasMaxLength(64);
    }
}

internal sealed class IncidentMapping : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> b)
    {
        b.ToTable("EngineIncidents");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).HasMaxLength(40);
        b.Property(i => i.InstanceId).HasMaxLength(40).IsRequired();
        b.Property(i => i.TokenId).HasMaxLength(40).IsRequired();
        b.Property(i => i.ElementId).HasMaxLength(250).IsRequired();
        b.HasIndex(i => i.InstanceId);
    }
}

internal sealed class IdempotencyRecordMapping : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("EngineIdempotency");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).HasMaxLength(64);
        b.Property(i => i.Key).HasMaxLength(200).IsRequired();
        b.Property(i => i.UserId).HasMaxLength(200);
        b.Property(i => i.Command).HasMaxLength(60).IsRequired();
        b.Property(i => i.Target).HasMaxLength(200);
        b.Property(i => i.ArgumentsHash).HasMaxLength(64).IsRequired();
        b.Property(i => i.ExpiresAt).HasConversion(EngineColumns.UtcTicks); // compared by the purge
        b.HasIndex(i => i.ExpiresAt);
    }
}
