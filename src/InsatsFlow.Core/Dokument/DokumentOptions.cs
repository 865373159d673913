namespace InsatsFlow.Core.Dokument;

/// <summary>Where templates live and the limits every rendering runs under (configuration section "Dokument").</summary>
public sealed class DokumentOptions
{
    public const string Sektion = "Dokument";

    public string Mallkatalog { get; set; } = "templates";

    /// <summary>Iterations across one nested loop tree; a budget of a few hundred lines fits easily.</summary>
    public int LoopLimit { get; set; } = 5000;

    public int RecursiveLimit { get; set; } = 20;

    /// <summary>Largest rendered document, in characters.</summary>
    public int MaxTecken { get; set; } = 2_000_000;

    public TimeSpan Tidsgrans { get; set; } = TimeSpan.FromSeconds(5);
}
