using System.Linq.Dynamic.Core.CustomTypeProviders;
using System.Reflection;

namespace InsatsFlow.Engine.Expressions;

/// <summary>
/// Tells System.Linq.Dynamic.Core which non-system types expressions may call methods on: the host's functions
/// class, registered data types and the generated scope types. The sandbox still checks every tree.
/// </summary>
internal sealed class ExpressionTypeProvider(IEnumerable<Type> types) : IDynamicLinqCustomTypeProvider
{
    private readonly HashSet<Type> types = [.. types];
    private readonly Lock gate = new();

    public void Add(Type type)
    {
        lock (gate) types.Add(type);
    }

    public HashSet<Type> GetCustomTypes()
    {
        lock (gate) return [.. types];
    }

    public Dictionary<Type, List<MethodInfo>> GetExtensionMethods() => [];

    public Type? ResolveType(string typeName)
    {
        lock (gate) return types.FirstOrDefault(t => t.FullName == typeName);
    }

    public Type? ResolveTypeBySimpleName(string simpleTypeName)
    {
        lock (gate) return types.FirstOrDefault(t => t.Name == simpleTypeName);
    }
}
