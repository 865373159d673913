using InsatsFlow.Cli;

namespace InsatsFlow.Cli.Tests.Rules;

public class RulesCommandsTests : IDisposable
{
    private static readonly string RepositoryRules = FindRules();
    private readonly string temp = Path.Combine(Path.GetTempPath(), "insatsflow-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
    }

    private static string FindRules()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "InsatsFlow.sln"))) return Path.Combine(dir.FullName, "rules");
        throw new InvalidOperationException("InsatsFlow.sln hittades inte");
    }

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>A copy of one regelverk from the catalogue, to break on purpose.</summary>
    private string CopyRegelverk(string regelverk)
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRules, regelverk), "*.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(temp, regelverk, Path.GetRelativePath(Path.Combine(RepositoryRules, regelverk), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return temp;
    }

    [Fact]
    public async Task Rules_test_kor_alla_testfall_i_katalogen_och_lyckas()
    {
        var (exit, output, error) = await Run("rules", "test", RepositoryRules);

        error.Should().BeEmpty();
        exit.Should().Be(0);
        output.Should().MatchRegex(@"(\d+) av \1 testfall godkända");
        output.Should().Contain("rules/balanskrav/tests/nyare-lydelse.json: Första dagen med den nya lydelsen gäller den nyare versionen [version 2024.1]");
    }

    [Fact]
    public async Task Rules_test_visar_ett_underkant_testfall_och_ger_felkod()
    {
        var dir = CopyRegelverk("malgrupp");
        var cases = Path.Combine(dir, "malgrupp", "tests", "malgrupp.json");
        File.WriteAllText(cases, File.ReadAllText(cases).Replace("\"malgruppAlderFran\": 15", "\"malgruppAlderFran\": 17"));

        var (exit, output, error) = await Run("rules", "test", dir);

        exit.Should().Be(1);
        error.Should().Contain("FEL  ").And.Contain("15 år är under gränsen")
            .And.Contain("MalgruppInteUnder16: förväntat \"ej uppfylld\", fick \"uppfylld\"");
        output.Should().Contain("5 av 6 testfall godkända");
    }

    [Fact]
    public async Task Rules_validate_godkanner_katalogen()
    {
        var (exit, output, _) = await Run("rules", "validate", RepositoryRules);

        exit.Should().Be(0);
        output.Should().StartWith("OK:");
    }

    [Fact]
    public async Task Rules_validate_namnger_fil_regel_och_fel()
    {
        var dir = CopyRegelverk("arsredovisning");
        var file = Path.Combine(dir, "arsredovisning", "2004.1.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("arsredovisning.upprattadDatum != null", "arsredovisning.upprattad != null"));

        var (exit, _, error) = await Run("rules", "validate", dir);

        exit.Should().Be(1);
        error.Should().Contain("arsredovisning/2004.1.json: regel ArsredovisningSenast31Mars: Expression kan inte tolkas")
            .And.Contain("inga regler lästes in");
    }

    [Fact]
    public async Task Rules_explain_visar_den_aldre_versionen_dagen_fore_andringen()
    {
        var (exit, output, _) = await Run("rules", "explain", "balanskrav", "--date", "2023-12-31", "--dir", RepositoryRules);

        exit.Should().Be(0);
        output.Should().Contain("balanskrav: version 2004.1 gäller 2023-12-31").And.Contain("SynnerligaSkalRedovisas");
    }

    [Fact]
    public async Task Rules_explain_visar_den_nyare_versionen_fran_giltigFran()
    {
        var (exit, output, _) = await Run("rules", "explain", "balanskrav", "--date", "2024-01-01", "--dir", RepositoryRules);

        exit.Should().Be(0);
        output.Should().Contain("version 2024.1 gäller 2024-01-01").And.Contain("platshållare")
            .And.Contain("budget: { budgetar: heltal, intakter: tal");
    }

    [Fact]
    public async Task Rules_explain_avvisar_ett_datum_i_fel_format()
    {
        var (exit, _, error) = await Run("rules", "explain", "balanskrav", "--date", "31/12/2023", "--dir", RepositoryRules);

        exit.Should().Be(1);
        error.Should().Contain("inte ett datum");
    }

    [Fact]
    public async Task Rules_explain_for_ett_okant_regelverk_ger_felkod()
    {
        var (exit, _, error) = await Run("rules", "explain", "okant", "--date", "2025-01-01", "--dir", RepositoryRules);

        exit.Should().Be(1);
        error.Should().Contain("\"okant\"");
    }
}
