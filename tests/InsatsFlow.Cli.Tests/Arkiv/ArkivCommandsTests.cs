using InsatsFlow.Data;
using InsatsFlow.Data.Demo;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace InsatsFlow.Cli.Tests.Arkiv;

/// <summary>`insatsflow arkiv export` and `arkiv verify` on a real SQLite file with the demo förbund (seeded 1 December 2026).</summary>
public sealed class ArkivCommandsTests : IDisposable
{
    private static readonly string Repo = HittaRepo();
    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("insatsflow-cli-arkiv-");
    private string Databas => Path.Combine(temp.FullName, "insatsflow.db");
    private string Ut => Path.Combine(temp.FullName, "ut");

    public ArkivCommandsTests()
    {
        using var db = new InsatsFlowDbContext(new DbContextOptionsBuilder<InsatsFlowDbContext>().UseInsatsFlowDatabase($"Data Source={Databas}").Options);
        DatabaseSetup.MigrateAsync(db).GetAwaiter().GetResult();
        new DemoSeeder(db, new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero))).SeedAsync().GetAwaiter().GetResult();
        Directory.CreateDirectory(Ut);
    }

    private static async Task<(int Exit, string Out, string Err)> KorAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<string> ExporteraSannaAsync()
    {
        var (exit, ut, fel) = await KorAsync("arkiv", "export", "SF 2021/004", "--db", Databas, "--repo", Repo, "--ut", Ut);
        exit.Should().Be(0, fel);
        ut.Should().Contain("Arkivpaketet är skrivet:");
        return Directory.GetDirectories(Ut).Single();
    }

    [Fact]
    public async Task Export_skriver_ett_paket_som_verify_godkanner()
    {
        var paket = await ExporteraSannaAsync();

        var (exit, ut, _) = await KorAsync("arkiv", "verify", paket);

        exit.Should().Be(0);
        ut.Should().StartWith("Paketet är helt:");
        Path.GetFileName(paket).Should().StartWith("SF-2021-004_");
    }

    [Fact]
    public async Task Verify_namnger_filen_som_andrats_och_slutar_med_kod_1()
    {
        var paket = await ExporteraSannaAsync();
        File.AppendAllText(Path.Combine(paket, "representations", "rep1", "data", "arende", "diarium.json"), " ");

        var (exit, _, fel) = await KorAsync("arkiv", "verify", paket);

        exit.Should().Be(1);
        fel.Should().Contain("FEL representations/rep1/data/arende/diarium.json: kontrollsumman stämmer inte med manifestet (filen har ändrats).");
        fel.Should().Contain("Paketet håller inte:");
    }

    [Fact]
    public async Task En_oppen_insats_exporteras_inte_och_meddelandet_sager_varfor()
    {
        var (exit, _, fel) = await KorAsync("arkiv", "export", "SF 2024/003", "--db", Databas, "--repo", Repo, "--ut", Ut);

        exit.Should().Be(1);
        fel.Should().StartWith("SF 2024/003 Hälsodisken kan inte arkiveras: insatsen är inte avslutad (fas: Genomförande)");
        Directory.GetDirectories(Ut).Should().BeEmpty();
    }

    private static string HittaRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "InsatsFlow.sln"))) return dir.FullName;
        throw new InvalidOperationException("InsatsFlow.sln hittades inte");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        temp.Delete(recursive: true);
    }
}
