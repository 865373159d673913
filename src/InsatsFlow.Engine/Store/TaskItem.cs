namespace InsatsFlow.Engine.Store;

public enum TaskState { Open, Completed, Cancelled }

/// <summary>A user task waiting for a person: who may do it, by when, with which form.</summary>
public sealed class TaskItem
{
    public required string Id { get; set; }
    public required string InstanceId { get; set; }
    public required string TokenId { get; set; }
    public required string ElementId { get; set; }
    public string? Name { get; set; }
    public required string DefinitionKey { get; set; }
    public string? BusinessKey { get; set; }

    /// <summary>Whose data this is (the host's tenant; the engine only stamps and carries it). Null: nobody's in particular.</summary>
    public string? TenantId { get; set; }
    public string? Assignee { get; set; }

    /// <summary>"|user|…|" and "|group|…|": delimited so a plain LIKE finds a member on any database.</summary>
    public string CandidateUsers { get; set; } = "|";
    public string CandidateGroups { get; set; } = "|";
    public DateTimeOffset? DueAt { get; set; }
    public string? FormKey { get; set; }
    public TaskState State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }
    public long Version { get; set; }

    public IReadOnlyList<string> CandidateUserList => Split(CandidateUsers);
    public IReadOnlyList<string> CandidateGroupList => Split(CandidateGroups);

    public static string Join(IEnumerable<string> values) => "|" + string.Concat(values.Select(v => v + "|"));

    private static string[] Split(string value) => value.Split('|', StringSplitOptions.RemoveEmptyEntries);
}
