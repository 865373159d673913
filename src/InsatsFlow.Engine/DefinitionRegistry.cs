using System.Collections.Concurrent;
using InsatsFlow.Engine.Expressions;
using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Parsing;
using InsatsFlow.Engine.Store;
using InsatsFlow.Engine.Time;

namespace InsatsFlow.Engine;

/// <summary>
/// Parsed definitions, one per deployed version, shared by all commands (a singleton), so each definition
/// is parsed once and its expressions compile once.
/// </summary>
public sealed class DefinitionRegistry(EngineOptions options, IBusinessCalendar calendar)
{
    private readonly ConcurrentDictionary<string, ProcessModel> models = new();
    private readonly ConcurrentDictionary<string, ProcessDefinition> definitions = new();

    public ExpressionHost Host { get; } = new(options, calendar);

    public EngineOptions Options => options;

    public ProcessModel Get(ProcessDefinition definition) =>
        models.GetOrAdd(definition.Id, _ =>
            BpmnParser.Parse(definition.Xml, definition.ResourceName, Host).SingleOrDefault(m => m.Key == definition.Key)
            ?? throw new EngineException($"Definitionen {definition.Id} innehåller inte processen {definition.Key}."));

    /// <summary>Called only after the definition committed: a cache never holds what a failed deploy wrote.</summary>
    internal void Remember(ProcessDefinition definition, ProcessModel model) => models[definition.Id] = model;

    /// <summary>A deployed version never changes, so its row is read once (not per command).</summary>
    internal async Task<ProcessDefinition?> FindAsync(IEngineStore store, string id, CancellationToken ct)
    {
        if (definitions.TryGetValue(id, out var known)) return known;
        var found = await store.FindDefinitionAsync(id, ct);
        if (found is not null) definitions.TryAdd(id, found);
        return found;
    }
}
