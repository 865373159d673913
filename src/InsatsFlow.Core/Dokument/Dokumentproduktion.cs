namespace InsatsFlow.Core.Dokument;

/// <summary>
/// Renders a document and puts it in the archive (and the diarium), in the caller's unit of work. The template is the
/// förbund's own version in force, else the file (<see cref="Forbundsmallar"/>).
/// </summary>
public sealed class Dokumentproduktion(DokumentRenderer renderer, Forbundsmallar mallar, IDokumentarkiv arkiv, IEnumerable<IDokumentregistrering> registreringar)
{
    public async Task<ArkiveratDokument> ProduceraAsync(
        Dokumenttyp typ, object modell, string? processInstansId, string? affarsnyckel, Guid? forbund = null, CancellationToken cancellationToken = default)
    {
        var mall = await mallar.GallandeAsync(forbund, DokumentRenderer.Mallnamn(typ), cancellationToken);
        var renderat = await renderer.RenderaAsync(typ, mall.Mall, mall.Version, modell, cancellationToken);
        var dokument = arkiv.LaggTill(renderat, processInstansId, affarsnyckel);
        foreach (var registrering in registreringar) await registrering.RegistreraAsync(dokument, cancellationToken);
        return dokument;
    }
}
