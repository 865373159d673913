namespace InsatsFlow.Core.Dokument;

/// <summary>Told of each document as it is archived, in the same unit of work (the diarium registers it).</summary>
public interface IDokumentregistrering
{
    Task RegistreraAsync(ArkiveratDokument dokument, CancellationToken cancellationToken);
}
