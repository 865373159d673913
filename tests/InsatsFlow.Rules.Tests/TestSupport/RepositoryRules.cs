namespace InsatsFlow.Rules.Tests.TestSupport;

/// <summary>The repository's own rules/ folder: the catalogue the jurists ship.</summary>
public static class RepositoryRules
{
    public static string Directory { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "InsatsFlow.sln")))
                return Path.Combine(dir.FullName, "rules");
        throw new InvalidOperationException("InsatsFlow.sln hittades inte ovanför " + AppContext.BaseDirectory);
    }
}
