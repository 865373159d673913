using System.Linq.Expressions;
using System.Reflection;
using InsatsFlow.Engine.Expressions;

namespace InsatsFlow.Rules.Loading;

/// <summary>
/// A rule must give the same answer when a decision is re-checked years later, so it reads dates from its input,
/// never the clock.
/// </summary>
internal sealed class DeterminismCheck : ExpressionVisitor
{
    private static readonly HashSet<string> ClockMembers = ["Now", "UtcNow", "Today", "NewGuid"];

    public static void Check(Expression expression) => new DeterminismCheck().Visit(expression);

    protected override Expression VisitMember(MemberExpression node)
    {
        Refuse(node.Member);
        return base.VisitMember(node);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        Refuse(node.Method);
        return base.VisitMethodCall(node);
    }

    private static void Refuse(MemberInfo member)
    {
        if (ClockMembers.Contains(member.Name) && member.DeclaringType is { } t
            && (t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(Guid) || t == typeof(DateOnly)))
            throw new ExpressionNotAllowedException($"{t.Name}.{member.Name} läser klockan; en regel ska ta datum ur sin indata så att den ger samma svar när beslutet prövas om");
    }
}
