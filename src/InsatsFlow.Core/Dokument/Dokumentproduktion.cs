namespace InsatsFlow.Core.Dokument;

/// <summary>Renders a document and puts it in the archive (and the diarium), in the caller's unit of work.</summary>
public sealed class Dokumentproduktion(DokumentRenderer renderer, IDokumentarkiv arkiv, IEnumerable<IDokumentregistrering> registreringar)
{
    public async Task<ArkiveratDokument> ProduceraAsync(
        Dokumenttyp typ, object modell, string? processInstansId, string? affarsnyckel, CancellationToken cancellationToken = default)
    {
        var renderat = await renderer.RenderaAsync(typ, modell, cancellationToken);
        var dokument = arkiv.LaggTill(renderat, processInstansId, affarsnyckel);
        foreach (var registrering in registreringar) await registrering.RegistreraAsync(dokument, cancellationToken);
        return dokument;
    }
}
