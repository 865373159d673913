using InsatsFlow.Engine.Expressions;
using InsatsFlow.Rules.Format;
using InsatsFlow.Rules.Views;

namespace InsatsFlow.Rules.Loading;

/// <summary>
/// Loads rules/&lt;regelverk&gt;/*.json (by convention &lt;version&gt;.json; not tests/, not schema/), all or nothing: one bad file and the
/// whole load is refused with every problem found, so a catalogue never serves half a change. With
/// <paramref name="views"/>, every indata parameter must name a view and fields it offers.
/// </summary>
public sealed class RuleCatalogueLoader(ExpressionSandbox? sandbox = null, RuleLimits? limits = null, InputViewCatalogue? views = null)
{
    private readonly RuleLimits limits = limits ?? new RuleLimits();
    private static readonly string[] SkippedFolders = ["tests", "schema"];
    private readonly ExpressionChecker checker = new(sandbox ?? new ExpressionSandbox(), (limits ?? new RuleLimits()).Expressions);

    public LoadResult Load(string directory)
    {
        if (!Directory.Exists(directory))
            return new LoadResult(null, [new RuleFileProblem(directory, "", "mappen finns inte")]);
        var root = Path.GetFullPath(directory);
        var files = Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).SkipLast(1).Any(SkippedFolders.Contains))
            .Order(StringComparer.Ordinal)
            .Select(f => (FullPath: f, Display: Display(directory, root, f)))
            .ToList();

        var problems = new List<RuleFileProblem>();
        var loaded = new List<RuleFile>();
        foreach (var (fullPath, display) in files)
        {
            try
            {
                loaded.Add(LoadFile(fullPath, display, root));
            }
            catch (RuleFileException e)
            {
                problems.Add(new RuleFileProblem(display, e.Location, e.Message));
            }
            catch (IOException e)
            {
                problems.Add(new RuleFileProblem(display, "", "kan inte läsas: " + e.Message));
            }
        }

        foreach (var group in loaded.GroupBy(f => (f.Regelverk, f.Version)).Where(g => g.Count() > 1))
            foreach (var file in group)
                problems.Add(new RuleFileProblem(file.Path, "$.version",
                    $"regelverk {group.Key.Regelverk} version {group.Key.Version} finns också i {string.Join(", ", group.Where(o => o != file).Select(o => o.Path))}"));
        foreach (var group in loaded.GroupBy(f => (f.Regelverk, f.GiltigFran)).Where(g => g.Select(f => f.Version).Distinct().Count() > 1))
            foreach (var file in group)
                problems.Add(new RuleFileProblem(file.Path, "$.giltigFran",
                    $"två versioner av {group.Key.Regelverk} gäller från {group.Key.GiltigFran:yyyy-MM-dd}; vilken som gäller går inte att avgöra"));

        if (files.Count == 0) problems.Add(new RuleFileProblem(directory, "", "inga regelfiler hittades"));
        return problems.Count > 0 ? new LoadResult(null, problems) : new LoadResult(new RuleCatalogue(loaded), []);
    }

    private RuleFile LoadFile(string fullPath, string display, string root)
    {
        var file = RuleFileReader.Read(display, File.ReadAllBytes(fullPath));
        var folder = Path.GetRelativePath(root, Path.GetDirectoryName(fullPath)!);
        if (folder != file.Regelverk)
            throw new RuleFileException("$.regelverk", $"filen ska ligga i mappen {file.Regelverk}/ (ligger i {folder}/)");
        return Checked(file);
    }

    /// <summary>
    /// A draft rule file (not in the catalogue): the same checks as a loaded file, against the versions of
    /// <paramref name="catalogue"/> (a draft may replace the version of its own name, not share another's giltigFran).
    /// A draft is never added to a catalogue, so it never serves a real evaluation.
    /// </summary>
    public DraftResult LoadDraft(string display, byte[] bytes, RuleCatalogue catalogue)
    {
        try
        {
            var file = Checked(RuleFileReader.Read(display, bytes));
            var clash = catalogue.Versions(file.Regelverk).FirstOrDefault(v => v.GiltigFran == file.GiltigFran && v.Version != file.Version);
            if (clash is not null)
                return new DraftResult(null, [new RuleFileProblem(display, "$.giltigFran",
                    $"version {clash.Version} av {file.Regelverk} gäller redan från {file.GiltigFran:yyyy-MM-dd}; vilken som gäller går inte att avgöra")]);
            return new DraftResult(file, []);
        }
        catch (RuleFileException e)
        {
            return new DraftResult(null, [new RuleFileProblem(display, e.Location, e.Message)]);
        }
    }

    private RuleFile Checked(RuleFile file)
    {
        if (views is not null)
            foreach (var (namn, shape) in file.Indata)
                if (views.Check(namn, shape) is { } problem)
                    throw new RuleFileException(problem.Path, problem.Message);
        checker.Check(file);
        file.Engine = new RulesEngine.RulesEngine([file.Workflow], RulesEngineSettings.Create());
        file.Limits = limits;
        return file;
    }

    private static string Display(string given, string root, string file) =>
        Path.Combine(given, Path.GetRelativePath(root, file)).Replace('\\', '/');
}
