using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Store;

namespace InsatsFlow.Engine.Runtime;

/// <summary>An instance loaded into a command: its row, its parsed process and its tokens.</summary>
internal sealed class LiveInstance(ProcessInstance record, ProcessDefinition definition, ProcessModel model, InstanceState state)
{
    public ProcessInstance Record { get; } = record;
    public ProcessDefinition Definition { get; set; } = definition;
    public ProcessModel Model { get; set; } = model;
    public InstanceState State { get; } = state;
    public Queue<Token> Ready { get; } = new();
    public bool Changed { get; set; }

    public Token? FindToken(string? id) => id is null ? null : State.Tokens.Find(t => t.Id == id);

    public IEnumerable<Token> Children(Token scope) => State.Tokens.Where(t => t.ParentId == scope.Id);
}
