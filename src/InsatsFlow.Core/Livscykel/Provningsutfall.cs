using InsatsFlow.Rules.Evaluation;
using InsatsFlow.Rules.Recording;

namespace InsatsFlow.Core.Livscykel;

/// <summary>
/// One gate's stored evaluation as a user reads it: which regelverk and version, at which step, and each rule with its
/// rättslig grund. Only a rule that did not pass carries its message and what failed (<see cref="Regelrad.Detalj"/>):
/// a rule that passed is never shown with its failure wording.
/// </summary>
public sealed record Provningsutfall(string Id, string Regelverk, string Version, string? Steg, bool Uppfylld, DateTimeOffset UtfordVid, IReadOnlyList<Regelrad> Regler)
{
    public IEnumerable<Regelrad> Fel => Regler.Where(r => r.Blockerar);

    public static Provningsutfall Fran(StoredEvaluation e) => new(
        e.Id, e.Resultat.Regelverk, e.Resultat.Version, e.Context.ElementId, e.Resultat.Uppfylld, e.UtfordVid,
        [.. e.Resultat.Regler.Select(Regelrad.Fran)]);
}

/// <param name="Utfall">"uppfylld", "ej uppfylld" or "fel i regeln".</param>
/// <param name="Meddelande">What failed, in the jurists' words; null when the rule passed.</param>
/// <param name="Detalj">The offending items (budget lines, the medlem, the ledamot, the ages given); null when it passed.</param>
public sealed record Regelrad(string Regel, string Utfall, string Allvarlighet, string? Meddelande, string RattsligGrund, string? Detalj, bool Blockerar)
{
    public static Regelrad Fran(RuleOutcome r) => r.Utfall == Rules.Evaluation.Utfall.Uppfylld
        ? new(r.Regel, r.Utfall.Text(), r.Allvarlighet.Text(), null, r.RattsligGrund, null, false)
        : new(r.Regel, r.Utfall.Text(), r.Allvarlighet.Text(), r.Meddelande, r.RattsligGrund, r.Detalj, r.Blockerar);
}
