using System.Security.Cryptography;
using System.Xml.Linq;

namespace InsatsFlow.Core.Arkiv;

/// <summary>The namespaces and the small pieces of METS the package repeats: a file with its size, date and SHA-256.</summary>
public static class Mets
{
    public static readonly XNamespace M = "http://www.loc.gov/METS/";
    public static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";
    public static readonly XNamespace Csip = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS";
    public static readonly XNamespace Sip = "https://DILCIS.eu/XML/METS/SIPExtensionMETS";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    public static readonly XNamespace Premis = "http://www.loc.gov/premis/v3";
    public static readonly XNamespace Erms = "https://DILCIS.eu/XML/ERMS";

    public const string CsipProfil = "https://earksip.dilcis.eu/profile/E-ARK-SIP-v2-2-0.xml";
    public const string Kontrollsummetyp = "SHA-256";

    public static string Sha256(string fil)
    {
        using var strom = File.OpenRead(fil);
        return Convert.ToHexStringLower(SHA256.HashData(strom));
    }

    public static string Tid(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ");

    public static string Mimetyp(string fil) => Path.GetExtension(fil).ToLowerInvariant() switch
    {
        ".html" => "text/html",
        ".json" => "application/json",
        ".xml" or ".bpmn" => "application/xml",
        ".txt" => "text/plain",
        _ => "application/octet-stream",
    };

    /// <summary>The attributes CSIP asks of every referenced file (CSIP26–30, CSIP68–72): type, size, date, checksum.</summary>
    public static IEnumerable<XAttribute> Filattribut(string rot, string relativ, DateTimeOffset skapad)
    {
        var fil = Path.Combine(rot, relativ);
        yield return new XAttribute("MIMETYPE", Mimetyp(fil));
        yield return new XAttribute("SIZE", new FileInfo(fil).Length);
        yield return new XAttribute("CREATED", Tid(skapad));
        yield return new XAttribute("CHECKSUM", Sha256(fil));
        yield return new XAttribute("CHECKSUMTYPE", Kontrollsummetyp);
    }

    public static IEnumerable<XAttribute> Lank(string relativ) =>
        [new("LOCTYPE", "URL"), new(XLink + "type", "simple"), new(XLink + "href", relativ.Replace('\\', '/'))];

    public static XElement Fil(string id, string rot, string relativ, DateTimeOffset skapad) =>
        new(M + "file", new XAttribute("ID", id), Filattribut(rot, relativ, skapad), new XElement(M + "FLocat", Lank(relativ)));

    public static XElement MdRef(string rot, string relativ, string mdtyp, string? annanTyp, DateTimeOffset skapad) =>
        new(M + "mdRef", Lank(relativ), new XAttribute("MDTYPE", mdtyp), annanTyp is null ? null : new XAttribute("OTHERMDTYPE", annanTyp),
            Filattribut(rot, relativ, skapad));
}
