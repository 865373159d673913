using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Reflection.Emit;

namespace InsatsFlow.Engine.Expressions;

/// <summary>
/// Builds the type an expression sees as <c>it</c>: the host's functions class plus one public field per
/// variable the expression uses, typed by the variable's value. So <c>belopp &gt; 5 &amp;&amp; arbetsdagar(2) &gt; x</c>
/// resolves both variables and functions unqualified, and compiles to typed code.
/// </summary>
internal static class ScopeTypeFactory
{
    // Collectible, because a scope's field may be typed by a dictionary variable's DynamicClass, which
    // System.Linq.Dynamic.Core emits into a collectible assembly (a non-collectible one may not refer to it).
    // The cache below keeps every scope type alive.
    private static readonly ModuleBuilder Module =
        AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("InsatsFlow.ExpressionScopes"), AssemblyBuilderAccess.RunAndCollect)
            .DefineDynamicModule("Scopes");

    private static readonly ConcurrentDictionary<string, ScopeType> Cache = new();
    private static int counter;

    internal sealed record ScopeType(Type Type, Func<object> Create, Action<object, object?[]> Set);

    public static ScopeType Get(Type functionsType, IReadOnlyList<string> names, IReadOnlyList<Type> types)
    {
        var key = functionsType.AssemblyQualifiedName + "|" + string.Join(",", names.Select((n, i) => n + ":" + types[i].FullName));
        return Cache.GetOrAdd(key, _ => Build(functionsType, names, types));
    }

    private static ScopeType Build(Type functionsType, IReadOnlyList<string> names, IReadOnlyList<Type> types)
    {
        TypeBuilder builder;
        lock (Module)
            builder = Module.DefineType($"Scope{Interlocked.Increment(ref counter)}",
                TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, functionsType);
        builder.DefineDefaultConstructor(MethodAttributes.Public);
        for (var i = 0; i < names.Count; i++) builder.DefineField(names[i], types[i], FieldAttributes.Public);
        Type type;
        lock (Module) type = builder.CreateType();

        var create = Expression.Lambda<Func<object>>(Expression.New(type)).Compile();
        var target = Expression.Parameter(typeof(object));
        var values = Expression.Parameter(typeof(object?[]));
        var typed = Expression.Variable(type);
        var body = new List<Expression> { Expression.Assign(typed, Expression.Convert(target, type)) };
        for (var i = 0; i < names.Count; i++)
            body.Add(Expression.Assign(Expression.Field(typed, names[i]),
                Expression.Convert(Expression.ArrayIndex(values, Expression.Constant(i)), types[i])));
        var set = Expression.Lambda<Action<object, object?[]>>(Expression.Block([typed], body), target, values).Compile();
        return new ScopeType(type, create, set);
    }
}
