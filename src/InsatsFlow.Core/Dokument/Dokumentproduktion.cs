namespace InsatsFlow.Core.Dokument;

/// <summary>Renders a document and puts it in the archive, in the caller's unit of work.</summary>
public sealed class Dokumentproduktion(DokumentRenderer renderer, IDokumentarkiv arkiv)
{
    public async Task<ArkiveratDokument> ProduceraAsync(
        Dokumenttyp typ, object modell, string? processInstansId, string? affarsnyckel, CancellationToken cancellationToken = default)
    {
        var renderat = await renderer.RenderaAsync(typ, modell, cancellationToken);
        return arkiv.LaggTill(renderat, processInstansId, affarsnyckel);
    }
}
