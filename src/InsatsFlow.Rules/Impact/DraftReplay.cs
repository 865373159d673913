using System.Text.Json;
using InsatsFlow.Rules.Evaluation;
using InsatsFlow.Rules.Format;
using InsatsFlow.Rules.Input;
using InsatsFlow.Rules.Loading;
using InsatsFlow.Rules.Recording;

namespace InsatsFlow.Rules.Impact;

/// <summary>
/// Replays stored evaluations under a rule file that is not in force (a draft, or a version whose giltigFran lies
/// ahead), on the input snapshot each evaluation stored. Nothing is recorded: the results exist only in the report.
/// </summary>
public static class DraftReplay
{
    /// <summary>
    /// The dates a version would govern among the catalogue's versions: from its giltigFran up to (not including) the
    /// next other version's giltigFran; null when no later version exists.
    /// </summary>
    public static (DateOnly Fran, DateOnly? Till) Window(RuleFile file, RuleCatalogue catalogue) =>
        (file.GiltigFran, catalogue.Versions(file.Regelverk)
            .Where(v => v.Version != file.Version && v.GiltigFran > file.GiltigFran)
            .Select(v => (DateOnly?)v.GiltigFran).Min());

    /// <summary>
    /// Replays the stored evaluations of the file's regelverk that it would have governed (its <see cref="Window"/>),
    /// or all of them with <paramref name="alla"/>, oldest first.
    /// </summary>
    public static async Task<ReplayReport> RunAsync(RuleFile file, RuleCatalogue catalogue, IEnumerable<StoredEvaluation> stored, bool alla,
        CancellationToken cancellationToken = default)
    {
        var (fran, till) = Window(file, catalogue);
        var urval = stored.Where(s => s.Resultat.Regelverk == file.Regelverk)
            .Where(s => alla || (s.Resultat.Datum >= fran && (till is null || s.Resultat.Datum < till)))
            .OrderBy(s => s.Resultat.Datum).ThenBy(s => s.UtfordVid);
        var replayed = new List<ReplayedEvaluation>();
        foreach (var s in urval) replayed.Add(await ReplayAsync(file, s, cancellationToken));
        return new ReplayReport(file, fran, till, alla, replayed);
    }

    /// <summary>One stored evaluation under <paramref name="file"/>: its rules then and now, or why it cannot be replayed.</summary>
    public static async Task<ReplayedEvaluation> ReplayAsync(RuleFile file, StoredEvaluation stored, CancellationToken cancellationToken = default)
    {
        using var snapshot = JsonDocument.Parse(stored.Resultat.IndataJson);
        if (MissingField(file, snapshot.RootElement) is { } missing)
            return new ReplayedEvaluation(stored, null, missing, $"fältet {missing} saknas i den sparade indatan", []);
        RuleSetResult now;
        try
        {
            now = await RuleEvaluator.EvaluateAsync(file, stored.Resultat.Datum, snapshot.RootElement, cancellationToken);
        }
        catch (InputException e)
        {
            return new ReplayedEvaluation(stored, null, e.Path.TrimStart('$', '.'), e.Message, []);
        }
        var then = stored.Resultat.Regler.ToDictionary(r => r.Regel);
        var rules = now.Regler.Select(r => new RuleComparison(r.Regel, then.TryGetValue(r.Regel, out var t) ? Status(t) : null, Status(r), r.Meddelande, r.Detalj))
            .Concat(stored.Resultat.Regler.Where(t => now.Regler.All(r => r.Regel != t.Regel))
                .Select(t => new RuleComparison(t.Regel, Status(t), null, null, null)))
            .ToList();
        return new ReplayedEvaluation(stored, now, null, null, rules);
    }

    /// <summary>"uppfylld", "ej uppfylld" (a failed fel-rule), "varning" (a failed varning-rule) or "fel i regeln".</summary>
    public static string Status(RuleOutcome outcome) => outcome.Utfall switch
    {
        Utfall.Uppfylld => "uppfylld",
        Utfall.FelIRegeln => "fel i regeln",
        _ => outcome.Allvarlighet == Allvarlighet.Fel ? "ej uppfylld" : "varning",
    };

    /// <summary>
    /// The first field the file reads that the snapshot does not hold (absent, not null), as "budget.egetKapital";
    /// null when every field is there. A stored null is a value; an absent field was never captured.
    /// </summary>
    public static string? MissingField(RuleFile file, JsonElement snapshot)
    {
        if (snapshot.ValueKind != JsonValueKind.Object) return file.Indata[0].Namn;
        foreach (var (namn, shape) in file.Indata)
        {
            if (!snapshot.TryGetProperty(namn, out var value)) return namn;
            if (Missing(shape, value, namn) is { } path) return path;
        }
        return null;
    }

    private static string? Missing(InputShape shape, JsonElement value, string path)
    {
        switch (shape)
        {
            case ObjectShape o when value.ValueKind == JsonValueKind.Object:
                foreach (var (name, fieldShape) in o.Fields)
                {
                    if (!value.TryGetProperty(name, out var field)) return $"{path}.{name}";
                    if (Missing(fieldShape, field, $"{path}.{name}") is { } inner) return inner;
                }
                return null;
            case ListShape l when value.ValueKind == JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                    if (Missing(l.Item, item, path + "[]") is { } inner) return inner;
                return null;
            default:
                return null;
        }
    }
}

/// <summary>What a draft did to the stored evaluations it was replayed against.</summary>
public sealed record ReplayReport(RuleFile Utkast, DateOnly Fran, DateOnly? Till, bool Alla, IReadOnlyList<ReplayedEvaluation> Provningar)
{
    public int AntalProvade => Provningar.Count(p => p.KanProvas);
    public int AntalAndrade => Provningar.Count(p => p.Andrad);
    public IEnumerable<ReplayedEvaluation> Andrade => Provningar.Where(p => p.Andrad);
    public IEnumerable<ReplayedEvaluation> KanInteProvas => Provningar.Where(p => !p.KanProvas);
}

/// <param name="Nu">The evaluation under the draft, or null when it could not be replayed.</param>
/// <param name="SaknatFalt">The field (or input path) that stopped the replay.</param>
/// <param name="Orsak">Why it could not be replayed.</param>
public sealed record ReplayedEvaluation(StoredEvaluation Sparad, RuleSetResult? Nu, string? SaknatFalt, string? Orsak, IReadOnlyList<RuleComparison> Regler)
{
    public bool KanProvas => Nu is not null;

    /// <summary>The verdict or any rule's status differs (a rule added or removed counts).</summary>
    public bool Andrad => Nu is not null && (Nu.Uppfylld != Sparad.Resultat.Uppfylld || Regler.Any(r => r.Andrad));
}

/// <param name="Da">The stored status, null when the rule is new.</param>
/// <param name="Nu">The status under the draft, null when the draft removes the rule.</param>
public sealed record RuleComparison(string Regel, string? Da, string? Nu, string? Meddelande, string? Detalj)
{
    public bool Andrad => Da != Nu;
}
