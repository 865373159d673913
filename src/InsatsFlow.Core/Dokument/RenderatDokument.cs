namespace InsatsFlow.Core.Dokument;

/// <summary>A document as rendered: what is stored, unchanged, in the archive.</summary>
public sealed record RenderatDokument(Dokumenttyp Typ, string Mallnamn, string MallSha256, string Html, string ModellJson);
