using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Runtime;

namespace InsatsFlow.Engine.Behaviours;

/// <summary>What one kind of element does when a token arrives, and when its wait ends.</summary>
internal interface IElementBehaviour
{
    Type ElementType { get; }

    Task EnterAsync(Execution x, LiveInstance live, Token token, FlowElement element);

    Task TriggerAsync(Execution x, LiveInstance live, Token token, FlowElement element, Trigger trigger) =>
        throw new EngineException($"{element} väntar inte på {trigger.GetType().Name}.");
}

/// <summary>A behaviour for elements of type <typeparamref name="T"/>.</summary>
internal abstract class ElementBehaviour<T> : IElementBehaviour where T : FlowElement
{
    public Type ElementType => typeof(T);

    public Task EnterAsync(Execution x, LiveInstance live, Token token, FlowElement element) => EnterAsync(x, live, token, (T)element);

    public Task TriggerAsync(Execution x, LiveInstance live, Token token, FlowElement element, Trigger trigger) =>
        TriggerAsync(x, live, token, (T)element, trigger);

    protected abstract Task EnterAsync(Execution x, LiveInstance live, Token token, T element);

    protected virtual Task TriggerAsync(Execution x, LiveInstance live, Token token, T element, Trigger trigger) =>
        throw new EngineException($"{element} väntar inte på {trigger.GetType().Name}.");
}
