using System.Linq.Expressions;
using System.Reflection;

namespace InsatsFlow.Engine.Expressions;

/// <summary>A limit of <see cref="ExpressionLimits"/> was reached; the message names the limit and its setting.</summary>
public sealed class ExpressionLimitException(string message) : Exception(message);

/// <summary>
/// Enforces <see cref="ExpressionLimits"/>: the text's length and nesting before it is parsed (a deep text would exhaust
/// the parser's stack), and the size of what the parsed tree builds. The tree is rewritten so that every text an
/// expression builds is measured, every list it produces is counted while it is walked, and the arguments that
/// decide a size before anything is allocated (PadLeft's width, Replace's growth, String(c, n)) are checked first.
/// A size given as a constant is refused when the tree is rewritten, so at deploy.
/// </summary>
public static class ExpressionLimitGuard
{
    private static readonly MethodInfo WidthMethod = typeof(ExpressionLimitGuard).GetMethod(nameof(Width), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo TextMethod = typeof(ExpressionLimitGuard).GetMethod(nameof(Text), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo ReplaceMethod = typeof(ExpressionLimitGuard).GetMethod(nameof(Replace), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo CountedMethod = typeof(ExpressionLimitGuard).GetMethod(nameof(Counted), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo TextsMethod = typeof(ExpressionLimitGuard).GetMethod(nameof(Texts), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The problem with the expression's text (too long, nested too deep), or null.</summary>
    public static string? CheckText(string body, ExpressionLimits limits)
    {
        if (body.Length > limits.MaxLength)
            return $"uttrycket är {body.Length} tecken långt; gränsen är {limits.MaxLength} tecken (MaxLength)";
        var depth = Depth(body);
        return depth > limits.MaxDepth
            ? $"uttrycket är nästlat {depth} nivåer djupt; gränsen är {limits.MaxDepth} nivåer (MaxDepth)"
            : null;
    }

    /// <summary>
    /// Nesting as the parser recurses: each bracket is a level, and so is each unary operator (-, !, ~) until the operand it
    /// applies to ends. Strings are skipped.
    /// </summary>
    internal static int Depth(string body)
    {
        var levels = new Stack<int>();
        var outer = 0; // the unary operators of the enclosing levels together
        var unary = 0;
        var max = 0;
        var previous = '\0'; // last non-space character outside strings; '\0' at the start
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (char.IsWhiteSpace(c)) continue;
            if (c is '"' or '\'')
            {
                var quote = c;
                i++;
                while (i < body.Length && body[i] != quote) i += body[i] == '\\' ? 2 : 1;
                previous = 'a';
                continue;
            }
            var operandExpected = previous is '\0' or '(' or '[' or '{' or ',' or '+' or '-' or '*' or '/' or '%' or '!' or '<' or '>' or '=' or '&' or '|' or '?' or ':' or '~' or '^';
            switch (c)
            {
                case '(' or '[' or '{':
                    levels.Push(unary);
                    outer += unary;
                    unary = 0;
                    break;
                case ')' or ']' or '}':
                    unary = levels.Count > 0 ? levels.Pop() : 0;
                    outer -= unary;
                    break;
                case '-' or '+' or '!' or '~' when operandExpected:
                    unary++;
                    break;
                case '+' or '-' or '*' or '/' or '%' or '<' or '>' or '=' or '&' or '|' or '?' or ':' or '^' or ',':
                    unary = 0; // a binary operator: the operand before it, and its unary operators, are done
                    break;
            }
            var current = levels.Count + unary + outer;
            if (current > max) max = current;
            previous = c;
        }
        return max;
    }

    /// <summary>
    /// Rewrites <paramref name="lambda"/> so that what it builds stays within the limits. Throws
    /// <see cref="ExpressionLimitException"/> when a size given as a constant is already over a limit.
    /// </summary>
    public static LambdaExpression Guard(LambdaExpression lambda, ExpressionLimits limits) =>
        (LambdaExpression)new Rewriter(limits, strict: false).Visit(lambda);

    /// <summary>
    /// For trees that are compiled elsewhere (RulesEngine compiles rule files itself): refuses every size-deciding argument
    /// that is not a constant within the limits, since nothing can measure it at run time.
    /// </summary>
    public static void CheckStatic(Expression expression, ExpressionLimits limits) => new Rewriter(limits, strict: true).Visit(expression);

    private sealed class Rewriter(ExpressionLimits limits, bool strict) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            var visited = (MethodCallExpression)base.VisitMethodCall(node);
            var method = visited.Method;
            var args = visited.Arguments.ToList();
            Expression result = visited;

            if (method.DeclaringType == typeof(string) && method.Name is "PadLeft" or "PadRight" && args.Count >= 1 && args[0].Type == typeof(int))
            {
                args[0] = SizeArgument(args[0], limits.MaxTextLength, $"{method.Name}", "tecken", "MaxTextLength");
                result = visited.Update(visited.Object, args);
            }
            else if (method.DeclaringType == typeof(string) && method.Name == "Replace" && visited.Object is not null
                && args.Count == 2 && args.All(a => a.Type == typeof(string)))
            {
                // replacing a constant by one no longer than it cannot grow the text (å → a, " " → "")
                var kanVaxa = !(args[0] is ConstantExpression { Value: string fran } && args[1] is ConstantExpression { Value: string till }
                    && fran.Length > 0 && till.Length <= fran.Length);
                if (kanVaxa)
                {
                    if (strict) Refuse("Replace med text som kan växa", "MaxTextLength");
                    result = Expression.Call(ReplaceMethod, visited.Object, args[0], args[1], Expression.Constant(limits.MaxTextLength));
                }
            }
            else if (method.DeclaringType == typeof(Enumerable) && method.Name is "Repeat" or "Range" && args.Count == 2 && args[1].Type == typeof(int))
            {
                args[1] = SizeArgument(args[1], limits.MaxCollectionCount, $"Enumerable.{method.Name}", "element", "MaxCollectionCount");
                result = visited.Update(visited.Object, args);
            }
            else if (method.DeclaringType == typeof(string) && method.Name is "Join" or "Concat" && !strict)
            {
                // A joined text is as long as its parts together: count them while they are read, before the text exists.
                for (var i = 0; i < args.Count; i++)
                    if (args[i].Type == typeof(IEnumerable<string>))
                        args[i] = Expression.Call(TextsMethod, args[i], Expression.Constant(limits.MaxTextLength));
                result = visited.Update(visited.Object, args);
            }

            if (strict) return result;
            if (result.Type == typeof(string)) return Measured(result);
            if (IsSequence(result.Type))
                return Expression.Call(CountedMethod.MakeGenericMethod(result.Type.GetGenericArguments()[0]), result, Expression.Constant(limits.MaxCollectionCount));
            return result;
        }

        protected override Expression VisitBinary(BinaryExpression node)
        {
            var visited = base.VisitBinary(node);
            return !strict && visited.NodeType == ExpressionType.Add && visited.Type == typeof(string) ? Measured(visited) : visited;
        }

        protected override Expression VisitNew(NewExpression node)
        {
            var visited = (NewExpression)base.VisitNew(node);
            if (visited.Type == typeof(string) && visited.Arguments.Count == 2 && visited.Arguments[1].Type == typeof(int))
            {
                var args = visited.Arguments.ToList();
                args[1] = SizeArgument(args[1], limits.MaxTextLength, "String(tecken, antal)", "tecken", "MaxTextLength");
                return visited.Update(args);
            }
            return visited;
        }

        private Expression SizeArgument(Expression argument, int max, string what, string unit, string setting)
        {
            if (argument is ConstantExpression { Value: int n })
            {
                if (n > max) throw new ExpressionLimitException($"{what}({n}) bygger {n} {unit}; gränsen är {max} {unit} ({setting})");
                return argument;
            }
            if (strict) Refuse($"{what} med ett antal som inte är ett fast tal", setting);
            return Expression.Call(WidthMethod, argument, Expression.Constant(max), Expression.Constant(what), Expression.Constant(unit), Expression.Constant(setting));
        }

        private Expression Measured(Expression text) => Expression.Call(TextMethod, text, Expression.Constant(limits.MaxTextLength));

        private static void Refuse(string what, string setting) =>
            throw new ExpressionLimitException($"{what} är inte tillåtet här: storleken kan inte begränsas ({setting})");

        private static bool IsSequence(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>);
    }

    // ---- called by rewritten trees ----

    private static int Width(int n, int max, string what, string unit, string setting) =>
        n > max ? throw new ExpressionLimitException($"{what}({n}) bygger {n} {unit}; gränsen är {max} {unit} ({setting})") : n;

    private static string? Text(string? text, int max) =>
        text is { Length: var length } && length > max ? throw TooLong(length, max) : text;

    private static string Replace(string text, string oldValue, string? newValue, int max)
    {
        var growth = (newValue?.Length ?? 0) - oldValue.Length;
        if (growth > 0 && oldValue.Length > 0)
        {
            long length = text.Length;
            for (var at = text.IndexOf(oldValue, StringComparison.Ordinal); at >= 0; at = text.IndexOf(oldValue, at + oldValue.Length, StringComparison.Ordinal))
                if ((length += growth) > max) throw TooLong(length, max);
        }
        return text.Replace(oldValue, newValue);
    }

    private static IEnumerable<T> Counted<T>(IEnumerable<T>? source, int max)
    {
        if (source is null) return null!;
        if (source is ICollection<T> collection && collection.Count <= max) return source;
        return Iterate(source, max);

        static IEnumerable<T> Iterate(IEnumerable<T> source, int max)
        {
            var count = 0;
            foreach (var item in source)
            {
                if (++count > max) throw new ExpressionLimitException($"uttrycket bygger en lista med fler än {max} element; gränsen är {max} element (MaxCollectionCount)");
                yield return item;
            }
        }
    }

    private static IEnumerable<string> Texts(IEnumerable<string>? parts, int max)
    {
        if (parts is null) yield break;
        long length = 0;
        foreach (var part in parts)
        {
            if ((length += part?.Length ?? 0) > max) throw TooLong(length, max);
            yield return part!;
        }
    }

    private static ExpressionLimitException TooLong(long length, int max) =>
        new($"uttrycket bygger en text på minst {length} tecken; gränsen är {max} tecken (MaxTextLength)");
}
