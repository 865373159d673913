using System.Linq.Dynamic.Core;
using System.Linq.Expressions;

namespace InsatsFlow.Rules.Loading;

/// <summary>
/// System.Linq.Dynamic.Core turns a field that the input type lacks (a typo: <c>budget.antagenDatm</c>) into a
/// run-time lookup by name on DynamicClass that quietly yields null. In a rule that is a wrong answer, not an
/// error, so such lookups are refused at load with the field's name.
/// </summary>
internal sealed class UnknownFieldCheck : ExpressionVisitor
{
    public static void Check(Expression expression) => new UnknownFieldCheck().Visit(expression);

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Method.DeclaringType == typeof(DynamicClass))
        {
            var name = node.Arguments.FirstOrDefault() is ConstantExpression { Value: string s } ? s : "?";
            throw new FormatException($"fältet \"{name}\" finns inte; kontrollera stavningen mot indata och parametrar");
        }
        return base.VisitMethodCall(node);
    }
}
