using InsatsFlow.Engine;
using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Store;
using InsatsFlow.Rules.Format;
using InsatsFlow.Rules.Impact;
using InsatsFlow.Rules.Loading;
using InsatsFlow.Rules.Recording;

namespace InsatsFlow.Core.Regelprovning;

/// <summary>
/// What a rule change would do before it serves: a draft replayed against the stored evaluations it would have
/// governed, and a merged version whose giltigFran lies ahead replayed on the last snapshot of each running case that
/// will meet it. Nothing is stored, and the draft is never added to the catalogue that serves the gates.
/// </summary>
public sealed class Konsekvensanalys(RuleCatalogueHolder katalog, IEvaluationStore provningar, Regelprovningsarenden arenden,
    IEngineStore motor, DefinitionRegistry definitioner)
{
    /// <summary>Loads <paramref name="utkast"/> with the same checks as a rule file and replays it.</summary>
    public async Task<Konsekvensresultat> AnalyseraAsync(string filnamn, byte[] utkast, bool alla, CancellationToken ct)
    {
        var draft = katalog.Loader.LoadDraft(filnamn, utkast, katalog.Current);
        if (!draft.Ok) return new Konsekvensresultat(null, draft.Problems);
        var sparade = await provningar.ForRegelverkAsync(draft.File!.Regelverk, null, ct);
        var rapport = await DraftReplay.RunAsync(draft.File, katalog.Current, sparade, alla, ct);
        var arendena = await arenden.ForAsync(rapport.Provningar.Select(p => p.Sparad.Context.ProcessInstanceId), ct);
        return new Konsekvensresultat(new Konsekvensrapport(rapport, arendena), []);
    }

    /// <summary>
    /// Every merged version whose giltigFran is after <paramref name="idag"/>, with the running cases that can still
    /// reach a gate of its regelverk (one that does not pin a version) and what their last snapshot gives under it.
    /// </summary>
    public async Task<IReadOnlyList<KommandeAndring>> KommandeAsync(DateOnly idag, CancellationToken ct)
    {
        var kommande = katalog.Current.Files.Where(f => f.GiltigFran > idag).OrderBy(f => f.GiltigFran).ThenBy(f => f.Regelverk).ToList();
        if (kommande.Count == 0) return [];
        var pagaende = await motor.FindInstancesAsync(null, null, true, ct);
        var grindar = new Dictionary<string, (ProcessInstance Instans, IReadOnlySet<string> Regelverk)>();
        foreach (var instans in pagaende)
        {
            var definition = await motor.FindDefinitionAsync(instans.DefinitionId, ct);
            if (definition is null) continue;
            var modell = definitioner.Get(definition);
            var state = Engine.Runtime.InstanceState.FromJson(instans.StateJson);
            grindar[instans.Id] = (instans, Nastkommande(modell, state.Tokens.Select(t => t.ElementId)));
        }
        var arendena = await arenden.ForAsync(grindar.Keys, ct);
        var resultat = new List<KommandeAndring>();
        foreach (var version in kommande)
        {
            var fall = new List<KommandeFall>();
            foreach (var (id, (instans, regelverk)) in grindar.OrderBy(g => g.Value.Instans.StartedAt))
            {
                if (!regelverk.Contains(version.Regelverk)) continue;
                var senaste = (await provningar.ForProcessInstanceAsync(id, ct)).LastOrDefault(p => p.Resultat.Regelverk == version.Regelverk);
                var omprovning = senaste is null ? null : await DraftReplay.ReplayAsync(version, senaste, ct);
                fall.Add(new KommandeFall(arendena[id], id, senaste, omprovning));
            }
            resultat.Add(new KommandeAndring(version, katalog.Current.InForce(version.Regelverk, idag), fall));
        }
        return resultat;
    }

    /// <summary>The regelverk of the gates (not pinned to a version) that a token at one of <paramref name="fran"/> can still reach.</summary>
    private static IReadOnlySet<string> Nastkommande(ProcessModel modell, IEnumerable<string> fran)
    {
        var sett = new HashSet<string>();
        var stack = new Stack<string>(fran.Where(modell.Elements.ContainsKey));
        var regelverk = new HashSet<string>();
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (!sett.Add(id)) continue;
            var element = modell[id];
            if (element is BusinessRuleTask { Version: null } grind) regelverk.Add(grind.DecisionRef);
            foreach (var flow in element.Outgoing) stack.Push(flow.TargetId);
            foreach (var boundary in element.Boundaries) stack.Push(boundary.Id);
            // Into an embedded subprocess, and out of it again when its inner path ends.
            if (element is SubProcess sub) stack.Push(sub.StartEventId);
            if (element.Outgoing.Count == 0 && element.ScopeId is { } scope) stack.Push(scope);
        }
        return regelverk;
    }
}

/// <summary>A report, or why the draft was refused (file, JSON path or rule, message).</summary>
public sealed record Konsekvensresultat(Konsekvensrapport? Rapport, IReadOnlyList<RuleFileProblem> Problem);

/// <summary>The replay with each evaluation's case named.</summary>
public sealed record Konsekvensrapport(ReplayReport Omprovning, IReadOnlyDictionary<string, Provningsarende> Arenden)
{
    public Provningsarende? Arende(ReplayedEvaluation provning) =>
        provning.Sparad.Context.ProcessInstanceId is { } id ? Arenden.GetValueOrDefault(id) : null;

    /// <summary>
    /// One row per rule of each evaluation that would change, and one per evaluation that cannot be replayed: what
    /// the CLI prints and the page exports.
    /// </summary>
    public IEnumerable<Konsekvensrad> Rader()
    {
        foreach (var p in Omprovning.Provningar.Where(p => p.Andrad || !p.KanProvas))
        {
            var arende = Arende(p);
            var r = p.Sparad.Resultat;
            if (!p.KanProvas)
                yield return new Konsekvensrad("kan inte prövas", arende?.Diarienummer, arende?.Titel ?? arende?.Text, arende?.Budgetar, r.Datum, r.Version,
                    null, null, null, p.Orsak, p.SaknatFalt);
            else
                foreach (var regel in p.Regler)
                    yield return new Konsekvensrad(regel.Andrad ? "ändras" : "oförändrad", arende?.Diarienummer, arende?.Titel ?? arende?.Text, arende?.Budgetar,
                        r.Datum, r.Version, regel.Regel, regel.Da, regel.Nu, regel.Nu is null ? "regeln finns inte i utkastet" : regel.Meddelande, regel.Detalj);
        }
    }
}

/// <param name="Status">"ändras", "oförändrad" (another rule of the same evaluation changes) or "kan inte prövas".</param>
/// <param name="Detalj">The rule's detalj, or for "kan inte prövas" the missing field.</param>
public sealed record Konsekvensrad(string Status, string? Diarienummer, string? Titel, int? Budgetar, DateOnly Datum, string VersionTillampad,
    string? Regel, string? Da, string? Nu, string? Meddelande, string? Detalj);

/// <param name="Gallande">The version in force today, which the coming one replaces.</param>
public sealed record KommandeAndring(RuleFile Version, RuleFile? Gallande, IReadOnlyList<KommandeFall> Fall);

/// <param name="Senaste">The case's last stored evaluation of the regelverk, null when its gate has not run yet.</param>
/// <param name="Omprovning">That snapshot under the coming version.</param>
public sealed record KommandeFall(Provningsarende Arende, string InstansId, StoredEvaluation? Senaste, ReplayedEvaluation? Omprovning);
