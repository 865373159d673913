using System.Collections;
using System.Linq.Dynamic.Core;
using System.Linq.Expressions;
using System.Reflection;

namespace InsatsFlow.Engine.Expressions;

/// <summary>
/// The one type sandbox for every expression InsatsFlow evaluates: rule files and BPMN alike.
/// System.Linq.Dynamic.Core blocks static access to unknown types but lets instance members through
/// (x.GetType().Assembly…), so every parsed tree is walked and refused unless each node's type,
/// each member and each method belongs to an allowed type.
/// </summary>
public sealed class ExpressionSandbox
{
    private static readonly HashSet<Type> BaseTypes =
    [
        typeof(object), typeof(bool), typeof(char), typeof(string),
        typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint),
        typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(decimal),
        typeof(DateTime), typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeOnly), typeof(TimeSpan),
        typeof(Guid), typeof(Math), typeof(Convert), typeof(Enumerable), typeof(Queryable),
        typeof(StringComparison), typeof(DayOfWeek), typeof(MidpointRounding),
        typeof(DynamicClass),
        typeof(IEnumerable), typeof(ICollection), typeof(IList), typeof(IDictionary),
    ];

    private static readonly HashSet<Type> GenericDefinitions =
    [
        typeof(Nullable<>), typeof(IEnumerable<>), typeof(ICollection<>), typeof(IList<>),
        typeof(IReadOnlyCollection<>), typeof(IReadOnlyList<>), typeof(List<>), typeof(HashSet<>),
        typeof(ISet<>), typeof(IDictionary<,>), typeof(IReadOnlyDictionary<,>), typeof(Dictionary<,>),
        typeof(KeyValuePair<,>), typeof(IGrouping<,>), typeof(IOrderedEnumerable<>), typeof(IQueryable<>),
        typeof(IOrderedQueryable<>), typeof(Expression<>),
        typeof(Func<>), typeof(Func<,>), typeof(Func<,,>), typeof(Func<,,,>), typeof(Func<,,,,>),
        typeof(IEqualityComparer<>), typeof(IComparer<>),
    ];

    // Members that exist on allowed types but lead out of the data: reflection and identity tricks.
    private static readonly HashSet<string> ForbiddenMethodNames =
        ["GetType", "MemberwiseClone", "Finalize", "GetTypeCode", "ReferenceEquals", "ChangeType"];

    private readonly HashSet<Type> registered;

    /// <param name="registeredTypes">The data types a host exposes (its input models, function holders).</param>
    public ExpressionSandbox(IEnumerable<Type>? registeredTypes = null)
    {
        registered = [.. registeredTypes ?? []];
    }

    /// <summary>A sandbox that also admits <paramref name="types"/>.</summary>
    public ExpressionSandbox With(params Type[] types) => new([.. registered, .. types]);

    public IReadOnlyCollection<Type> RegisteredTypes => registered;

    public bool IsAllowed(Type type)
    {
        if (type.IsByRef || type.IsPointer) return false;
        if (type.IsArray) return IsAllowed(type.GetElementType()!);
        if (BaseTypes.Contains(type) || registered.Contains(type)) return true;
        if (typeof(DynamicClass).IsAssignableFrom(type)) return true;
        if (IsCompilerGenerated(type)) return true;
        if (type.IsEnum && registered.Contains(type)) return true;
        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            if (!GenericDefinitions.Contains(definition) && !registered.Contains(definition)) return false;
            return type.GetGenericArguments().All(IsAllowed);
        }
        return false;
    }

    /// <summary>Throws <see cref="ExpressionNotAllowedException"/> naming the first node outside the sandbox.</summary>
    public void Check(Expression expression) => new Walker(this).Visit(expression);

    /// <summary>Returns why the expression is refused, or null when it is allowed.</summary>
    public string? Explain(Expression expression)
    {
        try { Check(expression); return null; }
        catch (ExpressionNotAllowedException e) { return e.Message; }
    }

    private static bool IsCompilerGenerated(Type type) =>
        type.Name.Contains("AnonymousType", StringComparison.Ordinal)
        && type.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is not null;

    private sealed class Walker(ExpressionSandbox sandbox) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node)
        {
            if (node is null) return null;
            if (node.NodeType != ExpressionType.Lambda && node.NodeType != ExpressionType.Quote && !sandbox.IsAllowed(node.Type) && node.Type != typeof(void))
                throw new ExpressionNotAllowedException($"typen {Describe(node.Type)} är inte tillåten i uttryck");
            return base.Visit(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            CheckMember(node.Method);
            foreach (var p in node.Method.GetParameters())
                if (!sandbox.IsAllowed(p.ParameterType) && !IsDelegateOrExpression(p.ParameterType))
                    throw new ExpressionNotAllowedException($"metoden {node.Method.DeclaringType?.Name}.{node.Method.Name} tar en otillåten typ {Describe(p.ParameterType)}");
            return base.VisitMethodCall(node);
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            CheckMember(node.Member);
            return base.VisitMember(node);
        }

        protected override Expression VisitNew(NewExpression node)
        {
            if (!sandbox.IsAllowed(node.Type))
                throw new ExpressionNotAllowedException($"new av typen {Describe(node.Type)} är inte tillåtet");
            return base.VisitNew(node);
        }

        protected override Expression VisitInvocation(InvocationExpression node) =>
            throw new ExpressionNotAllowedException("anrop av delegater är inte tillåtna i uttryck");

        protected override Expression VisitConstant(ConstantExpression node)
        {
            if (node.Value is Type or MemberInfo or Assembly or Delegate)
                throw new ExpressionNotAllowedException("reflektion är inte tillåten i uttryck");
            return base.VisitConstant(node);
        }

        protected override Expression VisitUnary(UnaryExpression node)
        {
            if (node.Method is not null) CheckMember(node.Method);
            return base.VisitUnary(node);
        }

        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (node.Method is not null) CheckMember(node.Method);
            return base.VisitBinary(node);
        }

        private void CheckMember(MemberInfo member)
        {
            if (ForbiddenMethodNames.Contains(member.Name))
                throw new ExpressionNotAllowedException($"{member.Name} är inte tillåtet i uttryck (reflektion)");
            var declaring = member.DeclaringType;
            if (declaring is null || !sandbox.IsAllowed(declaring))
                throw new ExpressionNotAllowedException($"{declaring?.FullName ?? "?"}.{member.Name} är inte tillåtet i uttryck");
        }

        private bool IsDelegateOrExpression(Type type)
        {
            if (!type.IsGenericType) return false;
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(Expression<>)) return IsDelegateOrExpression(type.GetGenericArguments()[0]);
            return typeof(Delegate).IsAssignableFrom(type) && GenericDefinitions.Contains(definition)
                && type.GetGenericArguments().All(a => sandbox.IsAllowed(a) || a.IsGenericParameter);
        }

        private static string Describe(Type type) => type.FullName ?? type.Name;
    }
}
