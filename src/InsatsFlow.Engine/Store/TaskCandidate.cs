namespace InsatsFlow.Engine.Store;

/// <summary>
/// One name an open task is offered to, a candidate user or a candidate group, as a row of its own: the inbox query then
/// finds a member's tasks on an index instead of reading every open task. The store writes these with their task, in the
/// same save, and removes them when the task closes; only open tasks have them.
/// </summary>
public sealed class TaskCandidate
{
    public required string TaskId { get; set; }

    /// <summary>"u|name" for a candidate user, "g|name" for a group ('|' never occurs in a name, see <see cref="TaskItem.Join"/>).</summary>
    public required string Candidate { get; set; }

    public static string User(string name) => "u|" + name;

    public static string Group(string name) => "g|" + name;

    /// <summary>The candidate names of a task with these delimited lists.</summary>
    public static IEnumerable<string> Of(string candidateUsers, string candidateGroups) =>
        Split(candidateUsers).Select(User).Concat(Split(candidateGroups).Select(Group)).Distinct(StringComparer.Ordinal);

    private static string[] Split(string value) => value.Split('|', StringSplitOptions.RemoveEmptyEntries);
}
