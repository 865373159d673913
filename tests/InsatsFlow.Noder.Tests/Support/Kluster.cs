using InsatsFlow.Core.Dokument;
using InsatsFlow.Data.Tests.Support;
using InsatsFlow.Web.Hosting;

namespace InsatsFlow.Noder.Tests.Support;

/// <summary>
/// Two nodes, A and B, on one PostgreSQL database, sharing one clock and one folder of rule files and templates (as a
/// shared volume would be). A watches the folder; B does not (InsatsFlow:Filbevakning = false, as where file events do not
/// arrive), so what B learns of a change it learns from A through the database. A seeds the demo data and accounts.
/// </summary>
public sealed class Kluster : IAsyncLifetime
{
    public Nodklocka Klocka { get; } = new();
    public Korningar Korningar { get; } = new();
    public string Mapp { get; } = Path.Combine(Path.GetTempPath(), "insatsflow-noder", Guid.NewGuid().ToString("N"));
    public string Regler => Path.Combine(Mapp, "rules");
    public string Mallar => Path.Combine(Mapp, "templates");
    public Nodvard A { get; private set; } = null!;
    public Nodvard B { get; private set; } = null!;
    private string databas = "";

    public async Task InitializeAsync()
    {
        var rot = new RepositoryPaths(RepositoryPaths.Discover(AppContext.BaseDirectory, null).Root);
        Kopiera(rot.Resolve("rules"), Regler);
        Kopiera(rot.Resolve(new DokumentOptions().Mallkatalog), Mallar);
        databas = await TestPostgres.CreateMigratedDatabaseAsync();
        var mappar = new Dictionary<string, string> { ["InsatsFlow:Regler"] = Regler, [$"{DokumentOptions.Sektion}:Mallkatalog"] = Mallar };
        A = new Nodvard("nod-a", databas, Klocka, Korningar, demoData: true, mappar);
        B = new Nodvard("nod-b", databas, Klocka, Korningar, demoData: false,
            new Dictionary<string, string>(mappar) { [DatabaseStartup.FilbevakningSetting] = "false" });
        // one after the other: the first migrates and seeds, the second finds it done
        _ = A.Services;
        _ = B.Services;
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(databas);
        try { Directory.Delete(Mapp, recursive: true); } catch (IOException) { }
    }

    private static void Kopiera(string fran, string till)
    {
        foreach (var fil in Directory.GetFiles(fran, "*", SearchOption.AllDirectories))
        {
            var mal = Path.Combine(till, Path.GetRelativePath(fran, fil));
            Directory.CreateDirectory(Path.GetDirectoryName(mal)!);
            File.Copy(fil, mal);
        }
    }
}
