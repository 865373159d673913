namespace InsatsFlow.Core.Dokument;

/// <summary>A template failed at render (a limit reached, a missing field, a formatting function refused a value).</summary>
public sealed class DokumentRenderingException(string mallnamn, string meddelande, Exception? orsak = null)
    : Exception($"Dokumentmallen \"{mallnamn}\" kunde inte renderas: {meddelande}", orsak)
{
    public string Mallnamn { get; } = mallnamn;
}
