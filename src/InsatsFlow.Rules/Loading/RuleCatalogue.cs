using InsatsFlow.Rules.Evaluation;
using InsatsFlow.Rules.Format;

namespace InsatsFlow.Rules.Loading;

/// <summary>An immutable, fully checked set of rule files: every version of every regelverk that loaded together.</summary>
public sealed class RuleCatalogue
{
    private readonly Dictionary<string, List<RuleFile>> byRegelverk;

    public static RuleCatalogue Empty { get; } = new([]);

    internal RuleCatalogue(IEnumerable<RuleFile> files)
    {
        byRegelverk = files.GroupBy(f => f.Regelverk, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(f => f.GiltigFran).ToList(), StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Regelverk => byRegelverk.Keys;

    public IEnumerable<RuleFile> Files => byRegelverk.Values.SelectMany(v => v);

    /// <summary>The versions of <paramref name="regelverk"/>, oldest giltigFran first.</summary>
    public IReadOnlyList<RuleFile> Versions(string regelverk) =>
        byRegelverk.TryGetValue(regelverk, out var versions) ? versions : [];

    /// <summary>The version in force on <paramref name="datum"/>: the latest whose giltigFran is on or before it.</summary>
    public RuleFile? InForce(string regelverk, DateOnly datum) =>
        Versions(regelverk).LastOrDefault(f => f.GiltigFran <= datum);

    public RuleFile? Version(string regelverk, string version) =>
        Versions(regelverk).FirstOrDefault(f => f.Version == version);

    /// <summary>The pinned <paramref name="version"/>, or else the version in force on <paramref name="datum"/>.</summary>
    /// <exception cref="RegelverkSaknasException">No such regelverk or version, or none in force yet.</exception>
    public RuleFile Choose(string regelverk, DateOnly datum, string? version = null)
    {
        var versions = Versions(regelverk);
        if (versions.Count == 0)
            throw new RegelverkSaknasException($"regelverket \"{regelverk}\" finns inte bland de inlästa reglerna");
        if (version is not null)
            return Version(regelverk, version)
                ?? throw new RegelverkSaknasException($"regelverket \"{regelverk}\" har ingen version \"{version}\"");
        return InForce(regelverk, datum)
            ?? throw new RegelverkSaknasException(
                $"ingen version av \"{regelverk}\" gäller {datum:yyyy-MM-dd}; den tidigaste gäller från {versions[0].GiltigFran:yyyy-MM-dd}");
    }
}
