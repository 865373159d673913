namespace InsatsFlow.Core.Dokument;

/// <summary>The kinds of document the förbund produces; the template of each is templates/&lt;mall&gt;.sbn.</summary>
public enum Dokumenttyp
{
    Tjansteskrivelse,
    Protokollsutdrag,
    Beslutsbrev,
    Paminnelse,
    Uppfoljningsrapport,
}
