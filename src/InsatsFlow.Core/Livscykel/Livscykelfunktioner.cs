using InsatsFlow.Engine.Expressions;

namespace InsatsFlow.Core.Livscykel;

/// <summary>
/// The functions the lifecycle's expressions call unqualified: <c>${arbetsdagar(20)}</c> is 20 Swedish working
/// days from now, at the same Stockholm time of day. The days come from the engine's calendar, which
/// <see cref="LivscykelServiceCollectionExtensions.AddInsatsFlowLivscykel"/> sets to <see cref="SvenskArbetsdagskalender"/>.
/// </summary>
public class Livscykelfunktioner : ExpressionFunctions
{
    public DateTimeOffset arbetsdagar(int n) => AddWorkingDays(n);
}
