using System.Text.Json.Serialization;

namespace InsatsFlow.Engine.Runtime;

public enum TokenStatus { Ready, Waiting, Incident }

/// <summary>
/// Where an instance is: one token per path. A token inside a subProcess or a multi-instance body points at
/// the token of that scope (<see cref="ParentId"/>); multi-instance inner tokens carry their item in <see cref="Locals"/>.
/// </summary>
public sealed class Token
{
    public string Id { get; set; } = "";
    public string ElementId { get; set; } = "";
    public string? ParentId { get; set; }
    public TokenStatus Status { get; set; }
    public string? ArrivedVia { get; set; }

    /// <summary>An inner execution of a multi-instance activity (its parent is the body token).</summary>
    public bool Inner { get; set; }

    /// <summary>Has passed its join and must not wait there again.</summary>
    public bool Joined { get; set; }

    /// <summary>What is bound to the token and must be released when it moves on (so a plain step queries nothing).</summary>
    public bool HasTimers { get; set; }
    public bool HasSubscriptions { get; set; }
    public bool HasTask { get; set; }

    [JsonConverter(typeof(VariablesJsonConverter))]
    public Dictionary<string, object?>? Locals { get; set; }

    /// <summary>Multi-instance body: the collection, how many inner executions started and finished.</summary>
    [JsonConverter(typeof(ListJsonConverter))]
    public List<object?>? Items { get; set; }
    public int Started { get; set; }
    public int Finished { get; set; }

    public string? CalledInstanceId { get; set; }
    public string? IncidentId { get; set; }
}
