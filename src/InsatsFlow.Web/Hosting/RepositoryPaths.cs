namespace InsatsFlow.Web.Hosting;

/// <summary>
/// Where the data files live (data/, workflows/, rules/, templates/). `dotnet run --project src/InsatsFlow.Web`
/// may start from any directory, so relative paths are resolved against the repository root (the folder
/// holding InsatsFlow.sln above the content root), or the content root when deployed without one.
/// </summary>
public sealed class RepositoryPaths
{
    public RepositoryPaths(string root) => Root = root;

    public string Root { get; }

    public string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Root, path));

    public static RepositoryPaths Discover(string contentRoot, string? configuredRoot)
    {
        if (!string.IsNullOrWhiteSpace(configuredRoot)) return new(Path.GetFullPath(configuredRoot));
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "InsatsFlow.sln")))
                return new(dir.FullName);
        return new(contentRoot);
    }
}
