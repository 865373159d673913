using System.Text.Json.Nodes;

namespace InsatsFlow.Rules.Tests.TestSupport;

/// <summary>A rules directory in a temp folder, removed after the test.</summary>
public sealed class TempRulesDirectory : IDisposable
{
    public TempRulesDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "insatsflow-rules-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    /// <summary>Writes <paramref name="file"/> to &lt;regelverk&gt;/&lt;version&gt;.json.</summary>
    public string Write(JsonObject file) =>
        Write($"{file["regelverk"]}/{file["version"]}.json", file.ToJsonString());

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a watcher may still hold the folder; the temp dir is cleaned by the OS */ }
    }
}
