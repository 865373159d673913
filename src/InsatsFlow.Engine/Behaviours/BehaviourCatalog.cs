using System.Collections.Frozen;
using InsatsFlow.Engine.Model;

namespace InsatsFlow.Engine.Behaviours;

/// <summary>The one place that pairs element kinds with their behaviour; the loop asks here and knows no kind.</summary>
internal static class BehaviourCatalog
{
    private static readonly FrozenDictionary<Type, IElementBehaviour> ByType = new IElementBehaviour[]
    {
        new StartEventBehaviour(), new EndEventBehaviour(), new IntermediateCatchEventBehaviour(), new BoundaryEventBehaviour(),
        new UserTaskBehaviour(), new ServiceTaskBehaviour(), new ManualTaskBehaviour(), new ReceiveTaskBehaviour(), new BusinessRuleTaskBehaviour(),
        new ExclusiveGatewayBehaviour(), new ParallelGatewayBehaviour(), new InclusiveGatewayBehaviour(), new EventBasedGatewayBehaviour(),
        new SubProcessBehaviour(), new CallActivityBehaviour(),
    }.ToFrozenDictionary(b => b.ElementType);

    public static IElementBehaviour For(FlowElement element) =>
        ByType.TryGetValue(element.GetType(), out var behaviour) ? behaviour
            : throw new EngineException($"{element} har inget beteende.");
}
