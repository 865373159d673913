using System.Xml.Linq;
using static InsatsFlow.Core.Arkiv.Mets;

namespace InsatsFlow.Core.Arkiv;

/// <summary>
/// PREMIS 3 for the representation: one object per file with its SHA-256, size and format, an event per rule
/// evaluation and decision (what happened to the ärende), the package's creation, and the agents.
/// </summary>
public static class Premisbeskrivning
{
    public static XElement Skriv(Arendeunderlag u, string rot, IReadOnlyList<string> filer, string objid, DateTimeOffset nu)
    {
        var program = Agent("agent-insatsflow", "InsatsFlow", "software");
        var forbund = Agent("agent-forbund", u.Forbund.Namn, "organization");
        var handelser = new List<XElement>
        {
            Handelse("handelse-paketering", "creation", nu, $"Arkivpaketet {objid} skapades.", "success", "agent-insatsflow", filer.Select(Objektid)),
        };
        handelser.AddRange(u.Regelprovningar.Select((e, i) => Handelse($"handelse-regelprovning-{i + 1}", "validation", e.UtfordVid,
            $"Regelprövning {e.Resultat.Regelverk} {e.Resultat.Version} (SHA-256 {e.Resultat.Sha256}): {(e.Resultat.Uppfylld ? "uppfylld" : "ej uppfylld")}.",
            e.Resultat.Uppfylld ? "success" : "failure", "agent-insatsflow", [])));
        handelser.AddRange(u.Insats.Beslut.OrderBy(b => b.Datum).Select((b, i) => Handelse($"handelse-beslut-{i + 1}", "decision",
            new DateTimeOffset(b.Datum.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            $"Beslut: {b.Typ}{(b.Paragraf is { } p ? $" (§ {p})" : "")}.", "success", "agent-forbund", [])));
        return new XElement(Premis + "premis", new XAttribute("version", "3.0"), new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
            new XAttribute(Xsi + "schemaLocation", "http://www.loc.gov/premis/v3 https://www.loc.gov/standards/premis/premis.xsd"),
            filer.Select(f => Objekt(rot, f)), handelser, program, forbund);
    }

    private static string Objektid(string relativ) => relativ.Replace('\\', '/');

    private static XElement Objekt(string rot, string relativ)
    {
        var fil = Path.Combine(rot, relativ);
        return new XElement(Premis + "object", new XAttribute(Xsi + "type", "premis:file"), new XAttribute(XNamespace.Xmlns + "premis", Premis),
            new XElement(Premis + "objectIdentifier",
                new XElement(Premis + "objectIdentifierType", "filväg"), new XElement(Premis + "objectIdentifierValue", Objektid(relativ))),
            new XElement(Premis + "objectCharacteristics",
                new XElement(Premis + "fixity",
                    new XElement(Premis + "messageDigestAlgorithm", Kontrollsummetyp), new XElement(Premis + "messageDigest", Sha256(fil))),
                new XElement(Premis + "size", new FileInfo(fil).Length),
                new XElement(Premis + "format", new XElement(Premis + "formatDesignation", new XElement(Premis + "formatName", Mimetyp(fil))))));
    }

    private static XElement Handelse(string id, string typ, DateTimeOffset tid, string detalj, string utfall, string agent, IEnumerable<string> objekt) =>
        new(Premis + "event",
            new XElement(Premis + "eventIdentifier", new XElement(Premis + "eventIdentifierType", "lokal"), new XElement(Premis + "eventIdentifierValue", id)),
            new XElement(Premis + "eventType", typ),
            new XElement(Premis + "eventDateTime", Tid(tid)),
            new XElement(Premis + "eventDetailInformation", new XElement(Premis + "eventDetail", detalj)),
            new XElement(Premis + "eventOutcomeInformation", new XElement(Premis + "eventOutcome", utfall)),
            new XElement(Premis + "linkingAgentIdentifier",
                new XElement(Premis + "linkingAgentIdentifierType", "lokal"), new XElement(Premis + "linkingAgentIdentifierValue", agent)),
            objekt.Select(o => new XElement(Premis + "linkingObjectIdentifier",
                new XElement(Premis + "linkingObjectIdentifierType", "filväg"), new XElement(Premis + "linkingObjectIdentifierValue", o))));

    private static XElement Agent(string id, string namn, string typ) =>
        new(Premis + "agent",
            new XElement(Premis + "agentIdentifier", new XElement(Premis + "agentIdentifierType", "lokal"), new XElement(Premis + "agentIdentifierValue", id)),
            new XElement(Premis + "agentName", namn),
            new XElement(Premis + "agentType", typ));
}
