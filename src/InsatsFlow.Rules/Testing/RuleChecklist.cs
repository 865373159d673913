using InsatsFlow.Rules.Evaluation;
using InsatsFlow.Rules.Loading;

namespace InsatsFlow.Rules.Testing;

/// <summary>
/// The jurists' checklist: every rule of every version should have a test case in which it is met and one in which it
/// is not, or a change that breaks one side goes unnoticed. Reported, not failed: the cases say what they say.
/// </summary>
public static class RuleChecklist
{
    public static IReadOnlyList<ChecklistGap> Gaps(RuleCatalogue catalogue, IEnumerable<RuleTestResult> results)
    {
        var seen = results.Where(r => r.Fall is not null && r.VersionProvad is not null)
            .SelectMany(r => r.Utfall.Select(u => (r.Fall!.Regelverk, Version: r.VersionProvad!, Regel: u.Key, u.Value)))
            .ToHashSet();
        var gaps = new List<ChecklistGap>();
        foreach (var file in catalogue.Files.OrderBy(f => f.Regelverk, StringComparer.Ordinal).ThenBy(f => f.GiltigFran))
            foreach (var regel in file.Regler)
            {
                var met = seen.Contains((file.Regelverk, file.Version, regel.Namn, Utfall.Uppfylld));
                var unmet = seen.Contains((file.Regelverk, file.Version, regel.Namn, Utfall.EjUppfylld));
                if (!met || !unmet) gaps.Add(new ChecklistGap(file.Regelverk, file.Version, regel.Namn, !met, !unmet));
            }
        return gaps;
    }
}

/// <param name="SaknarUppfylld">No case in which the rule is met.</param>
/// <param name="SaknarEjUppfylld">No case in which the rule is not met.</param>
public sealed record ChecklistGap(string Regelverk, string Version, string Regel, bool SaknarUppfylld, bool SaknarEjUppfylld)
{
    public override string ToString() =>
        $"{Regelverk} {Version} {Regel}: saknar testfall där regeln {(SaknarUppfylld && SaknarEjUppfylld ? "är uppfylld och där den inte är uppfylld" : SaknarUppfylld ? "är uppfylld" : "inte är uppfylld")}";
}
