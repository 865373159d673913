using InsatsFlow.Core.Dokument;

namespace InsatsFlow.Core.Tests.Dokument;

/// <summary>The repository's templates/ folder, and temp folders for templates a test writes itself.</summary>
internal sealed class Mallkatalog : IDisposable
{
    public static string Repositoriets()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "InsatsFlow.sln")))
                return Path.Combine(dir.FullName, "templates");
        throw new DirectoryNotFoundException("Hittar inte repositoriets rot (InsatsFlow.sln) ovanför " + AppContext.BaseDirectory);
    }

    public string Sokvag { get; } = Path.Combine(Path.GetTempPath(), "insatsflow-mallar-" + Guid.NewGuid().ToString("N"));

    public Mallkatalog() => Directory.CreateDirectory(Sokvag);

    public string Skriv(string fil, string text)
    {
        var sokvag = Path.Combine(Sokvag, fil);
        File.WriteAllText(sokvag, text);
        return sokvag;
    }

    public static DokumentRenderer Renderer(TemplateStore store, DokumentOptions? options = null) =>
        new(store, options ?? new DokumentOptions());

    public void Dispose()
    {
        try { Directory.Delete(Sokvag, recursive: true); } catch (IOException) { /* harmless */ }
    }
}
