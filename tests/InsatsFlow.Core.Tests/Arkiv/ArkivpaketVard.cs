using InsatsFlow.Core.Arkiv;
using InsatsFlow.Core.Data;
using InsatsFlow.Core.Sus;
using InsatsFlow.Core.Tests.Livscykel;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Core.Tests.Arkiv;

/// <summary>One insats run from idé to avslut on the real lifecycle, with its SUS fields, and packaged once.</summary>
public sealed class ArkivpaketVard : IAsyncLifetime
{
    public Livscykelmiljo Miljo { get; } = new(medSus: true);
    public DirectoryInfo Ut { get; } = Directory.CreateTempSubdirectory("insatsflow-arkivtest-");
    public Guid InsatsId { get; private set; }
    public string Diarienummer { get; private set; } = "";
    public string Paket { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var (id, instans) = await Miljo.TillAnsokanAsync();
        await Miljo.TillStyrelsebeslutAsync(id, instans);
        await RegistreraSusAsync(Miljo, id);
        await Miljo.KlarAsync(instans, "Activity_styrelsebeslut", Livscykel.Formular.Styrelsebeslut());
        await Miljo.TillAvslutAsync(id, instans, "Fullstandig");
        InsatsId = id;
        Diarienummer = (await Miljo.InsatsAsync(id)).Diarienummer;
        using var scope = Miljo.Harness.Services.CreateScope();
        Paket = await scope.ServiceProvider.GetRequiredService<Arkivpaketering>().SkapaAsync(Diarienummer, Ut.FullName);
    }

    /// <summary>What the kansli registers for SUS before the styrelsebeslut: the period is 2026-07-01 – 2028-06-30.</summary>
    public static async Task RegistreraSusAsync(Livscykelmiljo m, Guid insatsId)
    {
        using var scope = m.Harness.Services.CreateScope();
        var data = scope.ServiceProvider.GetRequiredService<IDomanData>();
        var insats = await data.Insatser.FindAsync(insatsId) ?? throw new InvalidOperationException("insatsen saknas");
        var fel = scope.ServiceProvider.GetRequiredService<SusRegistrering>().Tillampa(insats, new SusIn(
            "Samordnat stöd till arbete för sjukskrivna.", "individinriktad", "samordnad-rehabilitering", null, ["sjukskrivna"],
            [new(2026, 20), new(2027, 40), new(2028, 20)],
            [new(2026, "insatskostnad", 625_000m, null, null), new(2027, "insatskostnad", 625_000m, null, null), new(2028, "insatskostnad", 300_000m, null, null)]));
        fel.Should().BeEmpty();
        await ((Microsoft.EntityFrameworkCore.DbContext)data).SaveChangesAsync();
    }

    /// <summary>A copy of the package to tamper with.</summary>
    public string Kopia()
    {
        var kopia = Path.Combine(Ut.FullName, "kopia-" + Guid.NewGuid().ToString("N"), Path.GetFileName(Paket));
        foreach (var fil in Directory.EnumerateFiles(Paket, "*", SearchOption.AllDirectories))
        {
            var mal = Path.Combine(kopia, Path.GetRelativePath(Paket, fil));
            Directory.CreateDirectory(Path.GetDirectoryName(mal)!);
            File.Copy(fil, mal);
        }
        return kopia;
    }

    public Task DisposeAsync()
    {
        Miljo.Dispose();
        Ut.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
