namespace InsatsFlow.Cli.Tests.Simulera;

/// <summary>`insatsflow simulate` on a SQLite file in a temp folder, after its machinery moved to InsatsFlow.Simulering.</summary>
public sealed class SimulateCommandTests : IDisposable
{
    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("insatsflow-cli-simulate-");

    private static string HittaRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "InsatsFlow.sln"))) return dir.FullName;
        throw new InvalidOperationException("Hittar inte InsatsFlow.sln ovanför testerna.");
    }

    [Fact]
    public async Task Simulate_kor_ett_forbunds_budgetar_och_insatser_till_slutet_och_skriver_genomstromningen()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await CliApp.RunAsync(["simulate", "--forbund", "1", "--years", "1", "--insatser-per-ar", "3",
            "--db", Path.Combine(temp.FullName, "simulering.db"), "--repo", HittaRepo()], output, error);

        exit.Should().Be(0, error.ToString());
        var ut = output.ToString();
        ut.Should().Contain("3 insatser och 1 budgetår");
        ut.Should().Contain("budget: avslutad: 1");
        ut.Should().Contain("flödesnodkörningar/s:");
    }

    [Fact]
    public async Task Simulate_utan_workflows_mappen_svarar_med_en_svensk_uppmaning_att_ange_repo()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await CliApp.RunAsync(["simulate", "--repo", temp.FullName], output, error);

        exit.Should().Be(2);
        error.ToString().Should().Contain("ange --repo");
    }

    public void Dispose() => temp.Delete(recursive: true);
}
