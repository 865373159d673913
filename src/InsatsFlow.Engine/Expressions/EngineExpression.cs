using System.Collections.Concurrent;
using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;

namespace InsatsFlow.Engine.Expressions;

/// <summary>
/// One <c>${…}</c> of a definition, in System.Linq.Dynamic.Core's language (as RulesEngine uses it).
/// Variables are typed by their values at run time, so the compiled delegate is cached per combination
/// of variable types; a definition keeps its expressions, so each compiles once per definition.
/// </summary>
public sealed class EngineExpression
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "null", "it", "parent", "root", "new", "iif", "np", "and", "or", "not", "as", "is", "in", "eq", "ne", "lt", "gt", "le", "ge",
        "Object", "Boolean", "Char", "String", "SByte", "Byte", "Int16", "UInt16", "Int32", "UInt32", "Int64", "UInt64", "Single", "Double",
        "Decimal", "DateTime", "DateTimeOffset", "DateOnly", "TimeOnly", "TimeSpan", "Guid", "Math", "Convert",
        "int", "uint", "long", "ulong", "short", "ushort", "bool", "char", "string", "decimal", "double", "float", "byte", "sbyte", "object",
    };

    private readonly ConcurrentDictionary<string, Func<object, object?>> compiled = new();

    private EngineExpression(string text, string body, string elementId, string field)
    {
        Text = text;
        Body = body;
        ElementId = elementId;
        Field = field;
    }

    public string Text { get; }
    public string Body { get; }
    public string ElementId { get; }
    public string Field { get; }

    /// <summary>Identifiers the expression reads from the scope: variables, and function names.</summary>
    public IReadOnlyList<string> Identifiers { get; private set; } = [];

    public static bool IsExpression(string raw)
    {
        var t = raw.Trim();
        return t.StartsWith("${", StringComparison.Ordinal) && t.EndsWith('}');
    }

    public static EngineExpression Create(string raw, string elementId, string field)
    {
        var t = raw.Trim();
        var body = IsExpression(t) ? t[2..^1].Trim() : t;
        return new EngineExpression(t, body, elementId, field) { Identifiers = FreeIdentifiers(body) };
    }

    /// <summary>Deploy-time check: syntax, known functions, sandbox. Returns the problem or null.</summary>
    /// <remarks>Variable types are only known at run time, so operators that depend on them are checked then.</remarks>
    public string? Validate(ExpressionHost host)
    {
        if (Body.Length == 0) return "uttrycket är tomt";
        if (ExpressionLimitGuard.CheckText(Body, host.Limits) is { } tooBig) return tooBig;
        var calls = new HashSet<string>(StringComparer.Ordinal);
        FreeIdentifiers(Body, calls);
        var unknown = calls.FirstOrDefault(c => !host.FunctionNames.Contains(c));
        if (unknown is not null) return $"okänd funktion {unknown}(…); kända är {string.Join(", ", host.FunctionNames.Order())}";
        var names = Identifiers.Where(n => !host.FunctionNames.Contains(n)).ToList();
        // Variables are only known at run time (start input, forms, handlers' results), but a name that denotes a .NET type or
        // namespace is never one: it is an attempt to reach outside the sandbox (System.IO.File…, Process, Environment).
        var typeName = names.FirstOrDefault(n => ClrNames.IsTypeOrNamespace(n) && !host.Sandbox.RegisteredTypes.Any(t => t.Name == n));
        if (typeName is not null)
            return $"{typeName} är en .NET-typ eller ett namnområde, inte en processvariabel; uttryck får bara läsa variabler och funktionerna {string.Join(", ", host.FunctionNames.Order())}";
        var scope = ScopeTypeFactory.Get(host.FunctionsType, names, names.Select(_ => typeof(object)).ToList());
        host.TypeProvider.Add(scope.Type);
        try
        {
            var lambda = DynamicExpressionParser.ParseLambda(host.Config, [Expression.Parameter(scope.Type, "")], typeof(object), Body);
            host.Sandbox.With(scope.Type).Check(lambda);
            ExpressionLimitGuard.Guard(lambda, host.Limits); // a constant size over a limit ("x".PadLeft(500000000)) is refused now
            return null;
        }
        // A member of a variable whose type is unknown until run time (${resultat.uppfylld}) parses as a dynamic call
        // here; the sandbox checks the expression again with the real types before it is evaluated.
        catch (ExpressionNotAllowedException) when (names.Count > 0 && MembersOfVariables(names)) { return null; }
        catch (ExpressionNotAllowedException e) { return e.Message; }
        catch (ExpressionLimitException e) { return e.Message; }
        catch (InvalidOperationException) { return null; } // operator on object: depends on the variables' types
        catch (ParseException e) when (DependsOnTypes(e.Message)) { return null; }
        catch (ParseException e) { return $"{ExpressionMessages.Parser(e.Message)} (position {e.Position})"; }
        catch (Exception e) when (e is ArgumentException or NotSupportedException) { return ExpressionMessages.Of(e); }
    }

    /// <summary>Evaluates over <paramref name="lookup"/> (variable name → value; false when missing).</summary>
    public object? Evaluate(ExpressionHost host, VariableLookup lookup, DateTimeOffset now)
    {
        var names = Identifiers.Where(n => !host.FunctionNames.Contains(n) || lookup(n, out _)).ToList();
        var values = new object?[names.Count];
        var types = new Type[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            if (!lookup(names[i], out var value))
                throw new ExpressionEvaluationException($"{Where()}: variabeln {names[i]} saknas.", [names[i]]);
            values[i] = VariableValues.ForExpression(value);
            types[i] = values[i]?.GetType() ?? typeof(object);
        }

        var scope = ScopeTypeFactory.Get(host.FunctionsType, names, types);
        var signature = string.Join(",", types.Select(t => t.FullName));
        var function = compiled.GetOrAdd(signature, _ => Compile(host, scope, names, values));
        var instance = scope.Create();
        scope.Set(instance, values);
        ((ExpressionFunctions)instance).Bind(now, host.Calendar, host.TimeZone, host.Limits);
        try { return function(instance); }
        catch (Exception e)
        {
            throw new ExpressionEvaluationException($"{Where()}: {ExpressionMessages.Of(e)} ({Describe(names, values)}).", names, e);
        }
    }

    public bool EvaluateCondition(ExpressionHost host, VariableLookup lookup, DateTimeOffset now) =>
        Evaluate(host, lookup, now) switch
        {
            bool b => b,
            var other => throw new ExpressionEvaluationException(
                $"{Where()}: villkoret gav {other ?? "null"} ({other?.GetType().Name ?? "null"}), inte sant/falskt.", Identifiers),
        };

    private Func<object, object?> Compile(ExpressionHost host, ScopeTypeFactory.ScopeType scope, IReadOnlyList<string> names, object?[] values)
    {
        LambdaExpression lambda;
        host.TypeProvider.Add(scope.Type);
        try
        {
            if (ExpressionLimitGuard.CheckText(Body, host.Limits) is { } tooBig) throw new ExpressionLimitException(tooBig);
            lambda = DynamicExpressionParser.ParseLambda(host.Config, [Expression.Parameter(scope.Type, "")], typeof(object), Body);
            host.Sandbox.With(scope.Type).Check(lambda);
            lambda = ExpressionLimitGuard.Guard(lambda, host.Limits);
        }
        catch (Exception e) when (e is ExpressionNotAllowedException or ExpressionLimitException)
        {
            throw new ExpressionEvaluationException($"{Where()}: {e.Message}", names, e);
        }
        catch (Exception e) when (e is ParseException or InvalidOperationException or ArgumentException)
        {
            throw new ExpressionEvaluationException(
                $"{Where()} kan inte beräknas med variablerna {Describe(names, values)}: {ExpressionMessages.Of(e)}", names, e);
        }
        var p = Expression.Parameter(typeof(object));
        var call = Expression.Invoke(lambda, Expression.Convert(p, scope.Type));
        return Expression.Lambda<Func<object, object?>>(call, p).Compile();
    }

    private bool MembersOfVariables(IReadOnlyList<string> names) =>
        names.Any(n => System.Text.RegularExpressions.Regex.IsMatch(Body, $@"(?<![\w.]){System.Text.RegularExpressions.Regex.Escape(n)}\s*\."));

    private string Where() => $"Uttrycket {Text} ({Field} i {ElementId})";

    private static string Describe(IReadOnlyList<string> names, object?[] values) =>
        names.Count == 0 ? "inga" : string.Join(", ", names.Select((n, i) => $"{n} är {TypeName(values[i])}{Sample(values[i])}"));

    private static string TypeName(object? v) => v switch
    {
        null => "tom (null)",
        string => "text",
        long or decimal or double => "tal",
        bool => "sant/falskt",
        DateOnly or DateTimeOffset => "datum",
        DynamicClass => "ordlista",
        System.Collections.IEnumerable => "lista",
        _ => v.GetType().Name,
    };

    private static string Sample(object? v) => v is string s ? $" \"{(s.Length > 30 ? s[..30] + "…" : s)}\"" : "";

    private static bool DependsOnTypes(string message) =>
        !message.Contains("not accessible", StringComparison.Ordinal)
        && (message.Contains("incompatible", StringComparison.OrdinalIgnoreCase)
            || message.Contains("type 'Object'", StringComparison.Ordinal)
            || message.Contains("type 'System.Object'", StringComparison.Ordinal)
            || message.StartsWith("No applicable method", StringComparison.Ordinal));

    /// <summary>Identifiers used unqualified (not after '.', not lambda parameters, not keywords or strings).</summary>
    internal static IReadOnlyList<string> FreeIdentifiers(string body, HashSet<string>? calls = null)
    {
        var found = new List<string>();
        var lambdaParameters = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < body.Length)
        {
            var c = body[i];
            if (c is '"' or '\'')
            {
                var quote = c;
                i++;
                while (i < body.Length && body[i] != quote) i += body[i] == '\\' ? 2 : 1;
                i++;
                continue;
            }
            if (char.IsDigit(c))
            {
                while (i < body.Length && (char.IsLetterOrDigit(body[i]) || body[i] == '.')) i++;
                continue;
            }
            if (char.IsLetter(c) || c == '_' || c == '@')
            {
                var start = i;
                while (i < body.Length && (char.IsLetterOrDigit(body[i]) || body[i] == '_' || body[i] == '@')) i++;
                var name = body[start..i];
                var before = start - 1;
                while (before >= 0 && char.IsWhiteSpace(body[before])) before--;
                var after = i;
                while (after < body.Length && char.IsWhiteSpace(body[after])) after++;
                if (after + 1 < body.Length && body[after] == '=' && body[after + 1] == '>') { lambdaParameters.Add(name); continue; }
                if (before >= 0 && body[before] == '.') continue;
                if (Keywords.Contains(name) || name.StartsWith('@')) continue;
                if (after < body.Length && body[after] == '(') calls?.Add(name);
                if (!found.Contains(name)) found.Add(name);
                continue;
            }
            i++;
        }
        return found.Where(n => !lambdaParameters.Contains(n)).ToList();
    }
}

/// <summary>Finds a variable visible to an expression.</summary>
public delegate bool VariableLookup(string name, out object? value);
