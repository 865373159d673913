using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using InsatsFlow.Core.Domain;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Store;

namespace InsatsFlow.Core.Formular;

/// <summary>A published form: its schema never changes; a change is a new version.</summary>
public sealed record Formularversion(string FormKey, int Version, string Schema, string Sha256, DateTimeOffset PubliceradUtc, string PubliceradAv);

/// <summary>The kansli's unpublished edit of a form (one per form).</summary>
public sealed record Formularutkast(string FormKey, string Schema, DateTimeOffset SparadUtc, string SparadAv);

/// <summary>The form a task shows and validates against, and which version of it.</summary>
public sealed record UppgiftensFormular(Formulardefinition Definition, string Schema, int Version);

/// <summary>Published form versions and drafts (implemented in Data). Each write commits by itself: publishing is its own command.</summary>
public interface IFormularlager
{
    /// <summary>The published versions of one form, oldest first.</summary>
    Task<IReadOnlyList<Formularversion>> VersionerAsync(string formKey, CancellationToken ct = default);

    /// <summary>The newest published version of every form.</summary>
    Task<IReadOnlyList<Formularversion>> SenasteAsync(CancellationToken ct = default);

    Task<Formularutkast?> UtkastAsync(string formKey, CancellationToken ct = default);

    Task SparaUtkastAsync(Formularutkast utkast, CancellationToken ct = default);

    /// <summary>Adds the next version and drops the draft, in one transaction.</summary>
    Task<Formularversion> PubliceraAsync(string formKey, string schema, string sha256, string av, DateTimeOffset nar, CancellationToken ct = default);
}

/// <summary>
/// Forms versioned like processes. The shipped forms (forms/*.json) are published as versions at start-up, once per
/// content; the kansli drafts, validates and publishes in the form editor. A user task's <c>camunda:formRef</c> and
/// <c>camunda:formRefBinding</c> choose the version as Camunda does: <c>latest</c> the newest now, <c>version</c> the
/// pinned <c>camunda:formRefVersion</c>, <c>deployment</c> the newest published when the task's process version was
/// deployed — so a running instance keeps the form its process version was designed with.
/// </summary>
public sealed class Formularversioner(Formularkatalog katalog, IEngineStore motor, DefinitionRegistry definitioner, TimeProvider tid, IFormularlager? lager = null)
{
    // Variables the start of a process or the engine sets and the gateways route on; no form may write them.
    private static readonly string[] Processagda =
    [
        "insatsId", "forbundId", "budgetar", "medlem", "medlemmar", "slutdatum", "fas", "ansokan", "insats", "beslut", "medel", "budget",
        "fordelning", "uppfoljningsintervall", "yttranden", "sokande", "kontaktperson", "saknadeSamrad", "ombudsskal",
    ];

    private static readonly ConcurrentDictionary<string, Formulardefinition> Lasta = new();

    /// <summary>Publishes each shipped form whose content no version has yet (unchanged files keep their version).</summary>
    public async Task<IReadOnlyList<Formularversion>> ImporteraAsync(CancellationToken ct = default)
    {
        if (lager is null) return [];
        var nya = new List<Formularversion>();
        foreach (var formular in katalog.Alla.OrderBy(f => f.FormKey, StringComparer.Ordinal))
        {
            var schema = katalog.Schema(formular.FormKey)!;
            var sha = Sha256(schema);
            var versioner = await lager.VersionerAsync(formular.FormKey, ct);
            if (versioner.Any(v => v.Sha256 == sha)) continue;
            nya.Add(await lager.PubliceraAsync(formular.FormKey, schema, sha, "forms/" + formular.FormKey + ".json", tid.GetUtcNow(), ct));
        }
        return nya;
    }

    /// <summary>Everything the server would refuse in <paramref name="schema"/> as the form <paramref name="formKey"/>, with JSON paths.</summary>
    public async Task<IReadOnlyList<Valideringsfel>> ProvaAsync(string formKey, string schema, CancellationToken ct = default)
    {
        Formulardefinition definition;
        try
        {
            definition = Formularschema.Las(schema, formKey);
        }
        catch (FormularException e)
        {
            return [.. e.Fel.Select(f => new Valideringsfel(Sokvag(f, formKey), f.StartsWith(formKey + ": ", StringComparison.Ordinal) ? f[(formKey.Length + 2)..] : f))];
        }
        var fel = new List<Valideringsfel>();
        if (definition.FormKey != formKey)
            fel.Add(new("$.id", $"Schemats id \"{definition.FormKey}\" ska vara formulärets nyckel \"{formKey}\"."));
        var reserverade = await ProcessnycklarAsync(ct);
        for (var i = 0; i < definition.Falt.Count; i++)
            if (reserverade.TryGetValue(definition.Falt[i].Namn, out var varifran))
                fel.Add(new(definition.Falt[i].Namn, $"Fältet \"{definition.Falt[i].Namn}\" skulle skriva över processens variabel ({varifran}); välj en annan nyckel."));
        return fel;
    }

    /// <summary>Publishes <paramref name="schema"/> as the next version of <paramref name="formKey"/>, or refuses and changes nothing.</summary>
    public async Task<(Formularversion? Version, IReadOnlyList<Valideringsfel> Fel)> PubliceraAsync(string formKey, string schema, string av, CancellationToken ct = default)
    {
        if (lager is null) throw new InvalidOperationException("Formulären kan inte publiceras utan en databas.");
        if (katalog.Hitta(formKey) is null && (await lager.VersionerAsync(formKey, ct)).Count == 0)
            return (null, [new("formKey", $"Formuläret {formKey} finns inte.")]);
        var fel = await ProvaAsync(formKey, schema, ct);
        if (fel.Count > 0) return (null, fel);
        return (await lager.PubliceraAsync(formKey, schema, Sha256(schema), av, tid.GetUtcNow(), ct), []);
    }

    /// <summary>The form the task shows and is validated against; null when the task has no form.</summary>
    public async Task<UppgiftensFormular?> ForUppgiftAsync(TaskItem uppgift, CancellationToken ct = default)
    {
        if (uppgift.FormKey is not { } formKey) return null;
        var versioner = lager is null ? [] : await lager.VersionerAsync(formKey, ct);
        if (versioner.Count == 0)
            return katalog.Hitta(formKey) is { } fil ? new(fil, katalog.Schema(formKey)!, 1) : null;

        var instans = await motor.FindInstanceAsync(uppgift.InstanceId, ct);
        var definition = instans is null ? null : await motor.FindDefinitionAsync(instans.DefinitionId, ct);
        var element = definition is null ? null : definitioner.Get(definition).Elements.GetValueOrDefault(uppgift.ElementId) as UserTask;
        var vald = element?.FormRefBinding switch
        {
            "version" => versioner.FirstOrDefault(v => v.Version == element.FormRefVersion)
                ?? throw new InvalidOperationException($"Formuläret {formKey} har ingen version {element.FormRefVersion} (uppgiften {uppgift.ElementId}, camunda:formRefVersion)."),
            "deployment" => versioner.LastOrDefault(v => v.PubliceradUtc <= definition!.DeployedAt) ?? versioner[0],
            _ => versioner[^1],
        };
        return new(katalog.Med(Lasa(vald)), vald.Schema, vald.Version);
    }

    /// <summary>The newest published version of a form (what the editor opens when there is no draft).</summary>
    public async Task<Formularversion?> SenasteAsync(string formKey, CancellationToken ct = default) =>
        lager is null ? null : (await lager.VersionerAsync(formKey, ct)).LastOrDefault();

    /// <summary>A variable a form must not write → where the processes set it.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ProcessnycklarAsync(CancellationToken ct = default)
    {
        var nycklar = Processagda.ToDictionary(n => n, _ => "sätts av processen");
        foreach (var definition in await motor.LatestDefinitionsAsync(ct))
            foreach (var element in definitioner.Get(definition).Elements.Values)
            {
                if (element is BusinessRuleTask regel) nycklar.TryAdd(regel.ResultVariable, $"resultat av {element.Name ?? element.Id} i {definition.Key}");
                if (element.MultiInstance is { } loop) nycklar.TryAdd(loop.ElementVariable, $"loopvariabel i {element.Name ?? element.Id} i {definition.Key}");
            }
        return nycklar;
    }

    public static string Sha256(string schema) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(schema)));

    private static Formulardefinition Lasa(Formularversion v) =>
        Lasta.GetOrAdd(v.Sha256, _ => Formularschema.Las(v.Schema, $"{v.FormKey} version {v.Version}"));

    private static string Sokvag(string fel, string formKey)
    {
        var text = fel.StartsWith(formKey + ": ", StringComparison.Ordinal) ? fel[(formKey.Length + 2)..] : fel;
        var slut = text.IndexOf(':');
        return slut > 0 && text.StartsWith('$') ? text[..slut] : "$";
    }
}
