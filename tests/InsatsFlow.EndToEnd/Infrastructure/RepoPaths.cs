namespace InsatsFlow.EndToEnd.Infrastructure;

/// <summary>Folders of the repository, found from the test binaries by walking up to InsatsFlow.sln.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string WebRoot => Path.Combine(Root, "src", "InsatsFlow.Web", "wwwroot");

    public static string TestPages => Path.Combine(AppContext.BaseDirectory, "Pages");

    /// <summary>Where the browser tests write their screenshots (gitignored; named in the README).</summary>
    public static string Screenshots => Path.Combine(Root, "tests", "InsatsFlow.EndToEnd", "screenshots");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InsatsFlow.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Hittar inte InsatsFlow.sln ovanför {AppContext.BaseDirectory}; testerna måste köras inifrån repot.");
    }
}
