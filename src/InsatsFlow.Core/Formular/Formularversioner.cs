using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Domain;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Store;

namespace InsatsFlow.Core.Formular;

/// <summary>
/// A published form: its schema never changes; a change is a new version. <see cref="Agare"/> is whose version it is: ""
/// the installation's (the shipped forms/*.json, the default of every förbund), else one förbund's (its tenant id, the
/// same text as its tasks' TenantId). Each owner numbers its own versions from 1. A withdrawal by a förbund is a version
/// too (<see cref="Aterkallad"/>, no schema): from it on, the förbund's tasks use the default again.
/// </summary>
public sealed record Formularversion(string FormKey, int Version, string Schema, string Sha256, DateTimeOffset PubliceradUtc, string PubliceradAv,
    string Agare = "", bool Aterkallad = false)
{
    /// <summary>The förbund whose version this is; null for the installation's default.</summary>
    public Guid? ForbundId => Agare.Length == 0 ? null : Guid.Parse(Agare);
}

/// <summary>A kansli's unpublished edit of a form: one per form and owner (<see cref="Formularversion.Agare"/>).</summary>
public sealed record Formularutkast(string FormKey, string Schema, DateTimeOffset SparadUtc, string SparadAv, string Agare = "");

/// <summary>The form a task shows and validates against, which version of it, and whose (null: the installation's default).</summary>
public sealed record UppgiftensFormular(Formulardefinition Definition, string Schema, int Version, Guid? ForbundId = null);

/// <summary>
/// Published form versions and drafts (implemented in Data), each kept apart by owner: "" the installation, else a
/// förbund's tenant id (<see cref="Formularversioner.Agare"/>). Each write commits by itself: publishing is its own command.
/// </summary>
public interface IFormularlager
{
    /// <summary>The published versions of one form by one owner, oldest first.</summary>
    Task<IReadOnlyList<Formularversion>> VersionerAsync(string formKey, string agare, CancellationToken ct = default);

    /// <summary>The newest published version of every form of one owner.</summary>
    Task<IReadOnlyList<Formularversion>> SenasteAsync(string agare, CancellationToken ct = default);

    Task<Formularutkast?> UtkastAsync(string formKey, string agare, CancellationToken ct = default);

    Task SparaUtkastAsync(Formularutkast utkast, CancellationToken ct = default);

    /// <summary>Adds the owner's next version and drops the owner's draft, in one transaction.</summary>
    Task<Formularversion> PubliceraAsync(string formKey, string agare, string schema, string sha256, string av, DateTimeOffset nar,
        bool aterkallad = false, CancellationToken ct = default);
}

/// <summary>
/// Forms versioned like processes. The shipped forms (forms/*.json) are published as the installation's versions at
/// start-up, once per content: they are the defaults. A förbund's kansli drafts, validates and publishes the förbund's
/// own versions in the form editor; another förbund never sees them. A user task's <c>camunda:formRef</c> and
/// <c>camunda:formRefBinding</c> choose the version as Camunda does with tenants: the task's förbund (its TenantId) first,
/// else the default (the installation's versions, and without any the file):
/// <list type="bullet">
/// <item><c>latest</c>: the förbund's newest own version if it has one in force now (not withdrawn), else the newest default.</item>
/// <item><c>deployment</c>: the förbund's newest own version published when the task's process version was deployed, if that
/// was in force then (not a withdrawal), else the newest default published by then — so a running instance keeps the form
/// its process version was designed with, and neither a förbund's new version nor its withdrawal changes it.</item>
/// <item><c>version</c>: the pinned <c>camunda:formRefVersion</c> of the installation's numbering. Process definitions are
/// installation-wide, and a number written in a shared BPMN file names the shipped form's version, which every förbund has;
/// a förbund's own numbering is not what the file's author saw.</item>
/// </list>
/// Withdrawing (<see cref="AterkallaAsync"/>) publishes a withdrawal as the förbund's next version; its versions stay.
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

    /// <summary>The owner text of <paramref name="forbund"/>'s versions and drafts: its tenant id, or "" for the installation.</summary>
    public static string Agare(Guid? forbund) => forbund is { } f ? AktivtForbund.Tenant(f) : "";

    /// <summary>Publishes each shipped form whose content no installation version has yet (unchanged files keep their version).</summary>
    public async Task<IReadOnlyList<Formularversion>> ImporteraAsync(CancellationToken ct = default)
    {
        if (lager is null) return [];
        var nya = new List<Formularversion>();
        foreach (var formular in katalog.Alla.OrderBy(f => f.FormKey, StringComparer.Ordinal))
        {
            var schema = katalog.Schema(formular.FormKey)!;
            var sha = Sha256(schema);
            var versioner = await lager.VersionerAsync(formular.FormKey, "", ct);
            if (versioner.Any(v => v.Sha256 == sha)) continue;
            nya.Add(await lager.PubliceraAsync(formular.FormKey, "", schema, sha, "forms/" + formular.FormKey + ".json", tid.GetUtcNow(), ct: ct));
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

    /// <summary>Whether <paramref name="forbund"/> has the form at all: a default (file or installation version) or its own.</summary>
    public async Task<bool> FinnsAsync(string formKey, Guid? forbund, CancellationToken ct = default) =>
        katalog.Hitta(formKey) is not null
        || (lager is not null && ((await lager.VersionerAsync(formKey, "", ct)).Count > 0
            || (forbund is not null && (await lager.VersionerAsync(formKey, Agare(forbund), ct)).Count > 0)));

    /// <summary>
    /// Publishes <paramref name="schema"/> as the next version of <paramref name="formKey"/> of <paramref name="forbund"/>
    /// (null: the installation), or refuses and changes nothing.
    /// </summary>
    public async Task<(Formularversion? Version, IReadOnlyList<Valideringsfel> Fel)> PubliceraAsync(string formKey, Guid? forbund, string schema, string av, CancellationToken ct = default)
    {
        if (lager is null) throw new InvalidOperationException("Formulären kan inte publiceras utan en databas.");
        if (!await FinnsAsync(formKey, forbund, ct))
            return (null, [new("formKey", $"Formuläret {formKey} finns inte.")]);
        var fel = await ProvaAsync(formKey, schema, ct);
        if (fel.Count > 0) return (null, fel);
        return (await lager.PubliceraAsync(formKey, Agare(forbund), schema, Sha256(schema), av, tid.GetUtcNow(), ct: ct), []);
    }

    /// <summary>
    /// Withdraws <paramref name="forbund"/>'s own form: a withdrawal becomes its next version, so its tasks use the default
    /// again (by the binding rules above: running instances bound at deployment keep theirs). Null when the förbund has no
    /// own version in force: nothing to withdraw.
    /// </summary>
    public async Task<Formularversion?> AterkallaAsync(string formKey, Guid forbund, string av, CancellationToken ct = default)
    {
        if (lager is null) throw new InvalidOperationException("Formulären kan inte återkallas utan en databas.");
        var agare = Agare(forbund);
        if ((await lager.VersionerAsync(formKey, agare, ct)).LastOrDefault() is not { Aterkallad: false }) return null;
        return await lager.PubliceraAsync(formKey, agare, "", "", av, tid.GetUtcNow(), aterkallad: true, ct: ct);
    }

    /// <summary>The form the task shows and is validated against; null when the task has no form.</summary>
    public async Task<UppgiftensFormular?> ForUppgiftAsync(TaskItem uppgift, CancellationToken ct = default)
    {
        if (uppgift.FormKey is not { } formKey) return null;
        var standard = lager is null ? [] : await lager.VersionerAsync(formKey, "", ct);
        var egna = lager is null || string.IsNullOrEmpty(uppgift.TenantId) ? [] : await lager.VersionerAsync(formKey, uppgift.TenantId, ct);
        if (standard.Count == 0 && egna.Count == 0)
            return katalog.Hitta(formKey) is { } fil ? new(fil, katalog.Schema(formKey)!, 1) : null;

        var instans = await motor.FindInstanceAsync(uppgift.InstanceId, ct);
        var definition = instans is null ? null : await motor.FindDefinitionAsync(instans.DefinitionId, ct);
        var element = definition is null ? null : definitioner.Get(definition).Elements.GetValueOrDefault(uppgift.ElementId) as UserTask;
        var vald = element?.FormRefBinding switch
        {
            "version" => standard.FirstOrDefault(v => v.Version == element.FormRefVersion)
                ?? throw new InvalidOperationException($"Formuläret {formKey} har ingen version {element.FormRefVersion} (uppgiften {uppgift.ElementId}, camunda:formRefVersion)."),
            "deployment" => IKraft(egna.LastOrDefault(v => v.PubliceradUtc <= definition!.DeployedAt))
                ?? standard.LastOrDefault(v => v.PubliceradUtc <= definition!.DeployedAt) ?? standard.FirstOrDefault(),
            _ => IKraft(egna.LastOrDefault()) ?? standard.LastOrDefault(),
        };
        if (vald is null)
            return katalog.Hitta(formKey) is { } fil ? new(fil, katalog.Schema(formKey)!, 1) : null;
        return new(katalog.Med(Lasa(vald)), vald.Schema, vald.Version, vald.ForbundId);
    }

    /// <summary>
    /// The version <paramref name="forbund"/>'s kansli works from (the list and the editor): its own newest in force, else
    /// the newest default. Null when neither exists.
    /// </summary>
    public async Task<Formularversion?> GallandeAsync(string formKey, Guid? forbund, CancellationToken ct = default)
    {
        if (lager is null) return null;
        var egen = forbund is null ? null : IKraft((await lager.VersionerAsync(formKey, Agare(forbund), ct)).LastOrDefault());
        return egen ?? (await lager.VersionerAsync(formKey, "", ct)).LastOrDefault();
    }

    /// <summary>What <paramref name="forbund"/>'s kansli sees in the form list: per form, the version in force for it, oldest key first.</summary>
    public async Task<IReadOnlyList<Formularversion>> ListaAsync(Guid? forbund, CancellationToken ct = default)
    {
        if (lager is null) return [];
        var standard = await lager.SenasteAsync("", ct);
        var egna = forbund is null ? [] : await lager.SenasteAsync(Agare(forbund), ct);
        var nycklar = standard.Select(v => v.FormKey).Union(egna.Select(v => v.FormKey)).Order(StringComparer.Ordinal);
        var lista = new List<Formularversion>();
        foreach (var nyckel in nycklar)
            if ((IKraft(egna.FirstOrDefault(v => v.FormKey == nyckel)) ?? standard.FirstOrDefault(v => v.FormKey == nyckel)) is { } gallande)
                lista.Add(gallande);
        return lista;
    }

    private static Formularversion? IKraft(Formularversion? v) => v is { Aterkallad: false } ? v : null;

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
