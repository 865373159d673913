using InsatsFlow.Engine;

namespace InsatsFlow.Core.Dokument;

/// <summary>
/// Builds the model of one document type from a process step (its business key, variables and the domain).
/// One per <see cref="Dokumenttyp"/>; <see cref="RenderaDokumentHandler"/> picks it by type.
/// </summary>
public interface IDokumentmodellbyggare
{
    Dokumenttyp Typ { get; }

    Task<object> ByggAsync(ServiceTaskContext context, CancellationToken cancellationToken);
}
