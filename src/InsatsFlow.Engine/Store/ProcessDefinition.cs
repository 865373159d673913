namespace InsatsFlow.Engine.Store;

/// <summary>A deployed version of a process: the BPMN text it was parsed from, keyed "processId:version".</summary>
public sealed class ProcessDefinition
{
    public required string Id { get; set; }
    public required string Key { get; set; }
    public int Version { get; set; }
    public string? Name { get; set; }
    public required string Xml { get; set; }
    public required string ContentHash { get; set; }
    public string? ResourceName { get; set; }
    public DateTimeOffset DeployedAt { get; set; }

    /// <summary>"|name|…|" of its message start events, so a message finds the definition it starts.</summary>
    public string MessageStartNames { get; set; } = "|";
}
