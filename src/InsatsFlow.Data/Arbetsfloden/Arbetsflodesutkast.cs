namespace InsatsFlow.Data.Arbetsfloden;

/// <summary>
/// A workflow the kansli is still drawing: BPMN text saved from the designer, not yet deployed. A draft may be
/// invalid BPMN (work in progress); only publishing it checks everything. Publishing keeps the draft, so the next
/// edit starts from what was published.
/// </summary>
public sealed class Arbetsflodesutkast
{
    public Guid Id { get; set; }

    /// <summary>The process id read from the XML when it was saved (null while the file has no process id).</summary>
    public string? ProcessNyckel { get; set; }

    public string? Namn { get; set; }
    public required string Xml { get; set; }
    public required string SparadAv { get; set; }
    public DateTime SparadUtc { get; set; }

    /// <summary>The definition id ("key:version") this draft was last published as, if it has been.</summary>
    public string? PubliceradSom { get; set; }

    /// <summary>Optimistic concurrency: two people saving the same draft do not silently overwrite each other.</summary>
    public long Version { get; set; }
}
