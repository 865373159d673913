namespace InsatsFlow.Core.Dokument;

/// <summary>
/// A document as rendered: what is stored, unchanged, in the archive. <see cref="MallVersion"/> is the förbund's own template
/// version that rendered it, or null for the file (templates/*.sbn); <see cref="MallSha256"/> names the exact text either way.
/// </summary>
public sealed record RenderatDokument(Dokumenttyp Typ, string Mallnamn, string MallSha256, string Html, string ModellJson, int? MallVersion = null);
