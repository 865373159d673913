namespace InsatsFlow.Core.Dokument;

/// <summary>
/// A rendered document as archived: never changed after it is written. It carries the template's name and
/// SHA-256 and the model snapshot, so anyone can see what it was made from and render it again.
/// </summary>
public sealed class ArkiveratDokument
{
    private ArkiveratDokument()
    {
        Mallnamn = MallSha256 = Html = ModellJson = "";
    }

    public ArkiveratDokument(Guid id, RenderatDokument dokument, string? processInstansId, string? affarsnyckel, DateTime skapadUtc)
    {
        Id = id;
        Typ = dokument.Typ;
        Mallnamn = dokument.Mallnamn;
        MallSha256 = dokument.MallSha256;
        MallVersion = dokument.MallVersion;
        Html = dokument.Html;
        ModellJson = dokument.ModellJson;
        ProcessInstansId = processInstansId;
        Affarsnyckel = affarsnyckel;
        SkapadUtc = DateTime.SpecifyKind(skapadUtc, DateTimeKind.Utc);
    }

    public Guid Id { get; private set; }
    public Dokumenttyp Typ { get; private set; }
    public string Mallnamn { get; private set; }
    public string MallSha256 { get; private set; }

    /// <summary>The förbund's own template version that rendered it; null: the file (templates/*.sbn).</summary>
    public int? MallVersion { get; private set; }

    /// <summary>The engine's process instance the document belongs to, if any.</summary>
    public string? ProcessInstansId { get; private set; }

    /// <summary>The business key (for example the insats's diarienummer).</summary>
    public string? Affarsnyckel { get; private set; }

    public string Html { get; private set; }
    public string ModellJson { get; private set; }
    public DateTime SkapadUtc { get; private set; }
}
