using System.Reflection;

namespace InsatsFlow.Engine.Expressions;

/// <summary>
/// Names that denote .NET types or namespaces, not process variables: an expression that starts with one
/// (<c>System.IO.File…</c>, <c>Process.Start(…)</c>, <c>Environment…</c>) wants to reach outside the sandbox, and is
/// refused at deploy instead of failing at run time as a missing variable. The list is fixed (the public types of the
/// runtime's core assemblies plus the namespace roots), so it does not depend on what the process happens to have loaded.
/// </summary>
internal static class ClrNames
{
    private static readonly Lazy<HashSet<string>> Names = new(Build);

    public static bool IsTypeOrNamespace(string name) => Names.Value.Contains(name);

    private static HashSet<string> Build()
    {
        var names = new HashSet<string>(StringComparer.Ordinal)
        {
            "System", "Microsoft", "Windows", "Internal", "Mono", "FxResources", "InsatsFlow", "RulesEngine", "Quartz",
            "Process", "ProcessStartInfo", "Environment", "AppDomain", "AppContext", "Activator", "Assembly", "Type", "File",
            "Directory", "Path", "FileInfo", "DirectoryInfo", "Console", "GC", "Thread", "Task", "Marshal", "Unsafe", "Registry",
            "HttpClient", "WebClient", "Socket", "Dns", "Expression", "MethodInfo", "Delegate", "Interlocked", "Monitor",
        };
        Assembly[] core =
        [
            typeof(object).Assembly, typeof(System.Diagnostics.Process).Assembly, typeof(Console).Assembly,
            typeof(System.Net.Http.HttpClient).Assembly, typeof(System.Net.Sockets.Socket).Assembly, typeof(Enumerable).Assembly,
            typeof(System.Linq.Expressions.Expression).Assembly, typeof(System.Runtime.InteropServices.Marshal).Assembly,
            typeof(System.IO.FileSystemWatcher).Assembly, typeof(System.Text.Json.JsonSerializer).Assembly,
        ];
        foreach (var assembly in core.Distinct())
            foreach (var type in assembly.GetExportedTypes())
            {
                if (type.Namespace is not { } ns || !(ns.StartsWith("System", StringComparison.Ordinal) || ns.StartsWith("Microsoft", StringComparison.Ordinal))) continue;
                var name = type.Name;
                var tick = name.IndexOf('`');
                names.Add(tick < 0 ? name : name[..tick]);
            }
        return names;
    }
}
