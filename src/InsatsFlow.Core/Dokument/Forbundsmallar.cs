using System.Collections.Concurrent;
using System.Text;

namespace InsatsFlow.Core.Dokument;

/// <summary>
/// A förbund's own published version of a document template (same name as a shipped templates/*.sbn). Never changed: a
/// change is a new version, numbered per förbund and template from 1. A withdrawal is a version too (<see cref="Aterkallad"/>,
/// no text): from it on, the förbund's documents use the file again.
/// </summary>
public sealed record Mallversion(Guid ForbundId, string Namn, int Version, string Text, string Sha256, DateTimeOffset PubliceradUtc, string PubliceradAv,
    bool Aterkallad = false);

/// <summary>The förbund's template versions (implemented in Data). Each write commits by itself: publishing is its own command.</summary>
public interface IMallversionslager
{
    /// <summary>The versions of one template by one förbund, oldest first.</summary>
    Task<IReadOnlyList<Mallversion>> VersionerAsync(Guid forbund, string namn, CancellationToken ct = default);

    /// <summary>Adds the förbund's next version of the template.</summary>
    Task<Mallversion> LaggTillAsync(Guid forbund, string namn, string text, string sha256, string av, DateTimeOffset nar, bool aterkallad = false, CancellationToken ct = default);
}

/// <summary>The template a document is rendered with, and its version: null when it is the file.</summary>
public sealed record GallandeMall(Mall Mall, int? Version);

/// <summary>
/// The templates as a förbund sees them: templates/*.sbn are the defaults; a förbund's kansli may publish its own version
/// of one (its own beslutsbrev wording, its signature block), checked exactly as the files are (<see cref="TemplateStore.Tolka"/>:
/// Scriban's parser, then <see cref="Mallgranskning"/>), so a bad template is refused with template, line and column and
/// nothing is stored. A document for an instance of the förbund is rendered with its newest own version in force, else the
/// file; withdrawing goes back to the file. The versions stay, and every archived document records which one made it.
/// </summary>
public sealed class Forbundsmallar(TemplateStore filer, IMallversionslager lager, TimeProvider tid)
{
    // Parsed once per content: a published version never changes, so its SHA-256 names it.
    private static readonly ConcurrentDictionary<string, Mall> Tolkade = new();

    /// <summary>Whether a shipped template has this name: only those may have a förbund's version.</summary>
    public bool Finns(string namn) => filer.Mallar.Any(m => string.Equals(m.Namn, namn, StringComparison.OrdinalIgnoreCase));

    /// <summary>The shipped templates' names, in order.</summary>
    public IReadOnlyList<string> Namn => [.. filer.Mallar.Select(m => m.Namn).Order(StringComparer.Ordinal)];

    /// <summary>The file's text of a shipped template (what a förbund starts its own version from).</summary>
    public string Filtext(string namn) => File.ReadAllText(filer.Hamta(namn).Fil);

    public Task<IReadOnlyList<Mallversion>> VersionerAsync(Guid forbund, string namn, CancellationToken ct = default) =>
        lager.VersionerAsync(forbund, Kanoniskt(namn), ct);

    /// <summary>
    /// Publishes <paramref name="text"/> as <paramref name="forbund"/>'s next version of <paramref name="namn"/>, or refuses it
    /// with every error (template, line, column, what) and stores nothing.
    /// </summary>
    public async Task<(Mallversion? Version, IReadOnlyList<MallFel> Fel)> PubliceraAsync(Guid forbund, string namn, string text, string av, CancellationToken ct = default)
    {
        namn = Kanoniskt(namn);
        if (string.IsNullOrWhiteSpace(text)) return (null, [new MallFel($"Mallen {namn}", 1, 1, "Mallen är tom")]);
        var (mall, fel) = Tolka(namn, text);
        if (mall is null) return (null, fel);
        return (await lager.LaggTillAsync(forbund, namn, text, mall.Sha256, av, tid.GetUtcNow(), ct: ct), []);
    }

    /// <summary>Withdraws the förbund's own version: its documents use the file again. Null when none is in force.</summary>
    public async Task<Mallversion?> AterkallaAsync(Guid forbund, string namn, string av, CancellationToken ct = default)
    {
        namn = Kanoniskt(namn);
        if ((await lager.VersionerAsync(forbund, namn, ct)).LastOrDefault() is not { Aterkallad: false }) return null;
        return await lager.LaggTillAsync(forbund, namn, "", "", av, tid.GetUtcNow(), aterkallad: true, ct: ct);
    }

    /// <summary>The förbund's own version in force (not withdrawn), or null: the file serves.</summary>
    public async Task<Mallversion?> EgenAsync(Guid forbund, string namn, CancellationToken ct = default) =>
        (await lager.VersionerAsync(forbund, Kanoniskt(namn), ct)).LastOrDefault() is { Aterkallad: false } v ? v : null;

    /// <summary>The template a document of <paramref name="forbund"/> (null: none, the installation's) is rendered with.</summary>
    public async Task<GallandeMall> GallandeAsync(Guid? forbund, string namn, CancellationToken ct = default)
    {
        if (forbund is { } f && await EgenAsync(f, namn, ct) is { } egen)
            return new(Tolkade.GetOrAdd(egen.Sha256, _ => Tolka(egen.Namn, egen.Text).Mall
                ?? throw new InvalidOperationException($"Mallen {egen.Namn} version {egen.Version} går inte längre att tolka.")), egen.Version);
        return new(filer.Hamta(namn), null);
    }

    private static (Mall? Mall, IReadOnlyList<MallFel> Fel) Tolka(string namn, string text) =>
        TemplateStore.Tolka(namn, $"Mallen {namn}", new UTF8Encoding(false).GetBytes(text));

    private string Kanoniskt(string namn) =>
        filer.Mallar.FirstOrDefault(m => string.Equals(m.Namn, namn, StringComparison.OrdinalIgnoreCase))?.Namn ?? namn;
}
