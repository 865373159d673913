namespace InsatsFlow.Core.Livscykel;

/// <summary>What the documents print that the domain does not hold (configuration section "Livscykel").</summary>
public sealed class LivscykelOptions
{
    public const string Sektion = "Livscykel";

    /// <summary>The förbund's postal address in document headings.</summary>
    public string Postadress { get; set; } = "";

    public string? Webbplats { get; set; }

    /// <summary>Who signs the kansli's documents (tjänsteskrivelse, beslutsbrev).</summary>
    public string Handlaggare { get; set; } = "Kansliet";

    /// <summary>The diarienummer prefix, e.g. "SF" gives "SF 2026/014".</summary>
    public string Diarieprefix { get; set; } = "SF";
}
