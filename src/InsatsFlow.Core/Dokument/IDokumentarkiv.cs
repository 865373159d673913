namespace InsatsFlow.Core.Dokument;

/// <summary>
/// The archive of rendered documents: insert and read, nothing else. <see cref="LaggTill"/> adds to the
/// caller's unit of work (the scoped DbContext) and is committed by the caller's SaveChanges, so a document
/// rendered by a service task commits, or not, with the engine's step.
/// </summary>
public interface IDokumentarkiv
{
    ArkiveratDokument LaggTill(RenderatDokument dokument, string? processInstansId, string? affarsnyckel);

    Task<ArkiveratDokument?> HamtaAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The documents of one process instance, oldest first.</summary>
    Task<IReadOnlyList<ArkiveratDokument>> ListaForInstansAsync(string processInstansId, CancellationToken cancellationToken = default);

    /// <summary>The documents of one ärende (business key, for example the diarienummer), oldest first.</summary>
    Task<IReadOnlyList<ArkiveratDokument>> ListaForAffarsnyckelAsync(string affarsnyckel, CancellationToken cancellationToken = default);
}
