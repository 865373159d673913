using System.Globalization;
using System.Text.Json;
using InsatsFlow.Rules.Evaluation;
using InsatsFlow.Rules.Input;
using InsatsFlow.Rules.Loading;

namespace InsatsFlow.Rules.Testing;

/// <summary>
/// Reads and runs the jurists' test cases. A case names every rule of the version it hits, so a new rule without a
/// tested outcome fails the suite instead of passing unnoticed.
/// </summary>
public static class RuleTestRunner
{
    private static readonly string[] FileFields = ["$schema", "fall"];
    private static readonly string[] CaseFields = ["namn", "datum", "version", "indata", "forvantat"];

    /// <summary>Every case under <paramref name="directory"/>/*/tests/*.json; unreadable files come back as problems.</summary>
    public static (IReadOnlyList<RuleTestCase> Cases, IReadOnlyList<RuleTestResult> Unreadable) Discover(string directory)
    {
        var cases = new List<RuleTestCase>();
        var unreadable = new List<RuleTestResult>();
        if (!Directory.Exists(directory)) return (cases, unreadable);
        foreach (var regelverkDirectory in Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
        {
            var tests = Path.Combine(regelverkDirectory, "tests");
            if (!Directory.Exists(tests)) continue;
            var regelverk = Path.GetFileName(regelverkDirectory);
            foreach (var file in Directory.EnumerateFiles(tests, "*.json").Order(StringComparer.Ordinal))
            {
                var display = Path.Combine(directory, regelverk, "tests", Path.GetFileName(file)).Replace('\\', '/');
                try
                {
                    cases.AddRange(Read(display, regelverk, File.ReadAllBytes(file)));
                }
                catch (Exception e) when (e is JsonException or FormatException or IOException)
                {
                    unreadable.Add(new RuleTestResult(null, display, false, null, [e is JsonException j ? "ogiltig JSON: " + InsatsFlow.Engine.Parsing.JsonMessages.Forklaring(j.Message) : e.Message]));
                }
            }
        }
        return (cases, unreadable);
    }

    public static async Task<RuleTestResult> RunAsync(RuleTestCase fall, RuleCatalogue catalogue)
    {
        var file = fall.Version is not null ? catalogue.Version(fall.Regelverk, fall.Version) : catalogue.InForce(fall.Regelverk, fall.Datum);
        if (file is null)
            return new RuleTestResult(fall, fall.File, false, null,
                [$"ingen version av {fall.Regelverk} {(fall.Version is null ? $"gäller {fall.Datum:yyyy-MM-dd}" : $"heter {fall.Version}")}"]);
        RuleSetResult result;
        try
        {
            result = await RuleEvaluator.EvaluateAsync(file, fall.Datum, fall.Indata);
        }
        catch (InputException e)
        {
            return new RuleTestResult(fall, fall.File, false, file.Version, ["indata passar inte regelverket: " + e.Message]);
        }
        var deviations = new List<string>();
        foreach (var outcome in result.Regler)
        {
            if (!fall.Forvantat.TryGetValue(outcome.Regel, out var expectedText))
                deviations.Add($"{outcome.Regel}: förväntat utfall saknas i testfallet (regeln gav \"{outcome.Utfall.Text()}\")");
            else if (UtfallText.Parse(expectedText) != outcome.Utfall)
                deviations.Add($"{outcome.Regel}: förväntat \"{expectedText}\", fick \"{outcome.Utfall.Text()}\"{(outcome.Detalj is null ? "" : $" ({outcome.Detalj})")}");
        }
        foreach (var name in fall.Forvantat.Keys.Where(k => result.Regler.All(r => r.Regel != k)))
            deviations.Add($"{name}: regeln finns inte i {file.Regelverk} version {file.Version}");
        return new RuleTestResult(fall, fall.File, deviations.Count == 0, file.Version, deviations)
        {
            Utfall = result.Regler.ToDictionary(r => r.Regel, r => r.Utfall),
        };
    }

    public static async Task<IReadOnlyList<RuleTestResult>> RunAllAsync(string directory, RuleCatalogue catalogue)
    {
        var (cases, unreadable) = Discover(directory);
        var results = new List<RuleTestResult>(unreadable);
        foreach (var fall in cases) results.Add(await RunAsync(fall, catalogue));
        return results;
    }

    private static IEnumerable<RuleTestCase> Read(string display, string regelverk, byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        Require(root.ValueKind == JsonValueKind.Object, "$", "ska vara ett objekt {\"fall\": [...]}");
        foreach (var property in root.EnumerateObject())
            Require(FileFields.Contains(property.Name), "$." + property.Name, "okänt fält; tillåtna: fall");
        Require(root.TryGetProperty("fall", out var fall) && fall.ValueKind == JsonValueKind.Array && fall.GetArrayLength() > 0,
            "$.fall", "ska vara en lista med minst ett testfall");
        var index = 0;
        var cases = new List<RuleTestCase>();
        foreach (var element in fall.EnumerateArray())
        {
            var path = $"$.fall[{index}]";
            Require(element.ValueKind == JsonValueKind.Object, path, "ska vara ett objekt");
            foreach (var property in element.EnumerateObject())
                Require(CaseFields.Contains(property.Name), $"{path}.{property.Name}", "okänt fält; tillåtna: " + string.Join(", ", CaseFields));
            var namn = Text(element, "namn", path);
            var datumText = Text(element, "datum", path);
            Require(DateOnly.TryParseExact(datumText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var datum),
                path + ".datum", $"\"{datumText}\" är inte ett datum ÅÅÅÅ-MM-DD");
            string? version = element.TryGetProperty("version", out var v) ? v.GetString() : null;
            Require(element.TryGetProperty("indata", out var indata) && indata.ValueKind == JsonValueKind.Object, path + ".indata", "ska vara ett objekt");
            Require(element.TryGetProperty("forvantat", out var forvantat) && forvantat.ValueKind == JsonValueKind.Object, path + ".forvantat",
                "ska vara ett objekt {regelnamn: \"uppfylld\" | \"ej uppfylld\" | \"fel i regeln\"}");
            var expected = new Dictionary<string, string>();
            foreach (var p in forvantat.EnumerateObject())
            {
                Require(p.Value.ValueKind == JsonValueKind.String && UtfallText.Parse(p.Value.GetString()!) is not null,
                    $"{path}.forvantat.{p.Name}", "ska vara \"uppfylld\", \"ej uppfylld\" eller \"fel i regeln\"");
                expected[p.Name] = p.Value.GetString()!;
            }
            cases.Add(new RuleTestCase(display, index, regelverk, namn, datum, version, indata.Clone(), expected));
            index++;
        }
        return cases;
    }

    private static string Text(JsonElement element, string name, string path)
    {
        Require(element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String, $"{path}.{name}", "ska vara en text");
        return value.GetString()!;
    }

    private static void Require(bool condition, string path, string message)
    {
        if (!condition) throw new FormatException($"{path}: {message}");
    }
}
