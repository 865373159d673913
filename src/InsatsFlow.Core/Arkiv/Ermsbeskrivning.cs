using System.Xml.Linq;
using InsatsFlow.Core.Domain;
using static InsatsFlow.Core.Arkiv.Mets;

namespace InsatsFlow.Core.Arkiv;

/// <summary>
/// The ärende per CITS ERMS (FGS Ärendehantering 2.0): control with the förbund as maintenance agency, one
/// aggregation of type caseFile (the insats, its diarienummer as objectId) and a record per registered handling,
/// numbered in the diarium, with its direction, dates and the archived file.
/// </summary>
public static class Ermsbeskrivning
{
    public static XElement Skriv(Arendeunderlag u, IReadOnlyDictionary<Guid, string> dokumentfiler, DateTimeOffset nu)
    {
        var i = u.Insats;
        var slut = i.Beslut.Select(b => (DateOnly?)b.Datum).Concat([i.Implementeringsbeslut?.Beslutsdatum, i.PeriodSlut]).Max();
        return new XElement(Erms + "erms", new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
            new XAttribute(Xsi + "schemaLocation", "https://DILCIS.eu/XML/ERMS https://earkerms.dilcis.eu/schema/ERMS.xsd"),
            new XElement(Erms + "control",
                new XElement(Erms + "identification", new XAttribute("identificationType", "organisationsnummer"), u.Forbund.Organisationsnummer),
                new XElement(Erms + "maintenanceInformation",
                    new XElement(Erms + "maintenanceStatus", new XAttribute("value", "new")),
                    new XElement(Erms + "maintenanceAgency", new XElement(Erms + "agencyName", u.Forbund.Namn)),
                    new XElement(Erms + "maintenanceHistory",
                        new XElement(Erms + "maintenanceEvent",
                            new XElement(Erms + "eventType", new XAttribute("value", "created")),
                            new XElement(Erms + "eventDateTime", Tid(nu)),
                            new XElement(Erms + "agent", new XAttribute("agentType", "creator"), new XElement(Erms + "name", "InsatsFlow")))))),
            new XElement(Erms + "aggregations",
                new XElement(Erms + "aggregation", new XAttribute("systemIdentifier", i.Id), new XAttribute("aggregationType", "caseFile"),
                    new XElement(Erms + "objectId", i.Diarienummer),
                    new XElement(Erms + "title", i.Titel),
                    new XElement(Erms + "status", new XAttribute("value", "closed")),
                    new XElement(Erms + "agents",
                        new XElement(Erms + "agent", new XAttribute("agentType", "counterpart"), new XElement(Erms + "name", i.SokandeOrganisation))),
                    new XElement(Erms + "dates",
                        Datum("created", u.Diarium.Select(d => (DateOnly?)d.Registrerad).Min() ?? i.PeriodStart),
                        Datum("closed", slut)),
                    u.Diarium.Select(d => Handling(d, dokumentfiler)))));
    }

    private static XElement? Datum(string typ, DateOnly? datum) =>
        datum is { } d ? new XElement(Erms + "date", new XAttribute("dateType", typ), d.ToString("yyyy-MM-dd") + "T00:00:00") : null;

    private static XElement Handling(Diariepost d, IReadOnlyDictionary<Guid, string> dokumentfiler)
    {
        var fil = d.DokumentId is { } id ? dokumentfiler.GetValueOrDefault(id) : null;
        return new XElement(Erms + "record", new XAttribute("systemIdentifier", d.Id),
            new XElement(Erms + "objectId", d.Diarienummer),
            new XElement(Erms + "title", d.Handling),
            new XElement(Erms + "runningNumber", d.Lopnummer),
            new XElement(Erms + "direction", new XAttribute("directionDefinition", d.Riktning == Handlingsriktning.Inkommen ? "incoming" : "outgoing")),
            new XElement(Erms + "dates",
                Datum(d.Riktning == Handlingsriktning.Inkommen ? "received" : "created", d.Registrerad),
                d.Justerad is { } j ? new XElement(Erms + "date", new XAttribute("dateType", "other"), new XAttribute("otherDateType", "justerad"), j.ToString("yyyy-MM-dd") + "T00:00:00") : null,
                d.Anslagen is { } a ? new XElement(Erms + "date", new XAttribute("dateType", "other"), new XAttribute("otherDateType", "anslagen"), a.ToString("yyyy-MM-dd") + "T00:00:00") : null),
            fil is null ? null : new XElement(Erms + "additionalInformation",
                new XElement(Erms + "appendix", new XAttribute("name", Path.GetFileName(fil)), new XAttribute("fileFormat", "text/html"),
                    new XAttribute("path", fil))));
    }
}
