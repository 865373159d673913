using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Livscykel;
using static InsatsFlow.Core.Arkiv.Mets;

namespace InsatsFlow.Core.Arkiv;

/// <summary>
/// Writes a closed insats as an E-ARK SIP (CSIP, the structure of FGS 2.0): a root METS.xml, the ärende described per
/// CITS ERMS (metadata/descriptive/erms.xml), PREMIS (metadata/preservation/premis.xml), one representation holding
/// the documents as archived, each decision, each rule evaluation with regelverk, version and SHA-256, the journal
/// with its hash chain and the process version's BPMN, and manifest-sha256.txt over every file.
/// </summary>
public sealed class Arkivpaketering(Arendelasning lasning, TimeProvider tid)
{
    public const string Manifest = "manifest-sha256.txt";
    public const string Representation = "representations/rep1";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <returns>The package's root folder, named by its OBJID, inside <paramref name="utkatalog"/>.</returns>
    public async Task<string> SkapaAsync(string diarienummer, string utkatalog, CancellationToken ct = default)
    {
        var u = await lasning.LasAsync(diarienummer, ct);
        var nu = tid.GetUtcNow();
        var objid = $"{Filnamn(u.Insats.Diarienummer)}_{nu.UtcDateTime:yyyyMMddTHHmmssZ}";
        var rot = Path.Combine(utkatalog, objid);
        if (Directory.Exists(rot)) throw new ArkivFel($"Mappen {rot} finns redan.");
        Directory.CreateDirectory(rot);

        var data = new List<string>();
        string Skriv(string relativ, string innehall)
        {
            var fil = Path.Combine(rot, relativ);
            Directory.CreateDirectory(Path.GetDirectoryName(fil)!);
            File.WriteAllText(fil, innehall, new UTF8Encoding(false));
            return relativ;
        }
        string Data(string relativ, string innehall)
        {
            var r = Skriv($"{Representation}/data/{relativ}", innehall);
            data.Add(r);
            return r;
        }

        var insats = u.Insats;
        Data("arende/insats.json", JsonSerializer.Serialize(new
        {
            insats.Diarienummer, insats.Titel, insats.SokandeOrganisation, Fas = insats.Fas.ToString(), insats.PeriodStart, insats.PeriodSlut,
            insats.Malgrupp, insats.Avsnitt, insats.Budgetrader, insats.Sus, insats.SusArsplaner, insats.SusBudgetposter, insats.Uppfoljningsrapporter,
        }, Json));
        Data("arende/diarium.json", JsonSerializer.Serialize(u.Diarium.Select(d => new
        {
            d.Diarienummer, d.Handling, Riktning = d.Riktning.ToString(), d.Registrerad, d.DokumentId, d.Justerad, d.Anslagen, d.OverklagandetidSlutar,
        }), Json));
        Data("beslut/beslut.json", JsonSerializer.Serialize(new
        {
            Beslut = insats.Beslut.OrderBy(b => b.Datum).Select(b => new { Typ = b.Typ.ToString(), b.Datum, b.Paragraf, b.BeviljatBelopp, b.Motivering }),
            insats.Implementeringsbeslut,
        }, Json));
        var dokumentfiler = new Dictionary<Guid, string>();
        for (var i = 0; i < u.Dokument.Count; i++)
        {
            var d = u.Dokument[i];
            var namn = $"dokument/{i + 1:000}-{Diarieforing.Handlingsnamn(d.Typ).ToLowerInvariant().Replace('ä', 'a').Replace('ö', 'o').Replace('å', 'a')}";
            dokumentfiler[d.Id] = Data(namn + ".html", d.Html);
            Data(namn + ".json", JsonSerializer.Serialize(new { d.Id, Typ = d.Typ.ToString(), d.Mallnamn, d.MallSha256, d.MallVersion, d.SkapadUtc, d.ProcessInstansId, Modell = JsonDocument.Parse(d.ModellJson).RootElement }, Json));
        }
        for (var i = 0; i < u.Regelprovningar.Count; i++)
        {
            var e = u.Regelprovningar[i];
            var r = e.Resultat;
            Data($"regelprovningar/{i + 1:000}-{r.Regelverk}-{r.Version}.json", JsonSerializer.Serialize(new
            {
                r.Regelverk, r.Version, r.Sha256, r.GiltigFran, r.Datum, UtfordVid = e.UtfordVid, e.Context.ProcessInstanceId, e.Context.ElementId, r.Uppfylld,
                Indata = JsonDocument.Parse(r.IndataJson).RootElement,
                Regler = r.Regler.Select(x => new { x.Regel, Utfall = x.Utfall.ToString(), Allvarlighet = x.Allvarlighet.ToString(), x.Meddelande, x.RattsligGrund, x.Detalj }),
            }, Json));
        }
        foreach (var p in u.Processer)
        {
            Data($"journal/{Filnamn(p.Instans.Id)}.json", JsonSerializer.Serialize(new Journalfil(
                new Journalinstans(p.Instans.Id, p.Instans.DefinitionId, p.Instans.JournalSequence, p.Instans.JournalHash), [.. p.Journal]), Json));
            if (p.Definition is { } def) Data($"process/{Filnamn(def.Key)}-v{def.Version}.bpmn", def.Xml);
        }

        var erms = Skriv("metadata/descriptive/erms.xml", Ermsbeskrivning.Skriv(u, dokumentfiler, nu).ToString());
        var premis = Skriv("metadata/preservation/premis.xml", Premisbeskrivning.Skriv(u, rot, data, objid, nu).ToString());
        Skriv("documentation/LASMIG.txt", Lasmig(u, objid));
        Skriv("schemas/insatsflow-journal.schema.json", Scheman.Journal);
        Skriv("schemas/insatsflow-regelprovning.schema.json", Scheman.Regelprovning);
        var repMets = Skriv($"{Representation}/METS.xml", RepresentationsMets(rot, objid, data, nu).ToString());
        Skriv("METS.xml", RotMets(rot, objid, u, erms, premis, repMets, nu).ToString());

        var rader = Directory.EnumerateFiles(rot, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(rot, f).Replace('\\', '/')).Order(StringComparer.Ordinal)
            .Select(r => $"{Sha256(Path.Combine(rot, r))}  {r}");
        File.WriteAllText(Path.Combine(rot, Manifest), string.Join('\n', rader) + "\n", new UTF8Encoding(false));
        return rot;
    }

    /// <summary>"SF 2026/014" → "SF-2026-014": a folder and file name every file system takes.</summary>
    public static string Filnamn(string text) =>
        new(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray());

    private static string Version => typeof(Arkivpaketering).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "okänd";

    private static XElement RotMets(string rot, string objid, Arendeunderlag u, string erms, string premis, string repMets, DateTimeOffset nu)
    {
        var dokumentation = Directory.EnumerateFiles(Path.Combine(rot, "documentation")).Select(f => Path.GetRelativePath(rot, f)).Order().ToList();
        var scheman = Directory.EnumerateFiles(Path.Combine(rot, "schemas")).Select(f => Path.GetRelativePath(rot, f)).Order().ToList();
        return new XElement(M + "mets",
            new XAttribute(XNamespace.Xmlns + "mets", M), new XAttribute(XNamespace.Xmlns + "xlink", XLink), new XAttribute(XNamespace.Xmlns + "csip", Csip),
            new XAttribute(XNamespace.Xmlns + "sip", Sip), new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
            new XAttribute(Xsi + "schemaLocation", "http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/mets.xsd http://www.w3.org/1999/xlink http://www.loc.gov/standards/mets/xlink.xsd https://DILCIS.eu/XML/METS/CSIPExtensionMETS https://earkcsip.dilcis.eu/schema/DILCISExtensionMETS.xsd"),
            new XAttribute("OBJID", objid), new XAttribute("LABEL", $"{u.Insats.Diarienummer} {u.Insats.Titel}"), new XAttribute("TYPE", "OTHER"),
            new XAttribute(Csip + "OTHERTYPE", "Ärendeakt"), new XAttribute(Csip + "CONTENTINFORMATIONTYPE", "citserms_v2_1"),
            new XAttribute("PROFILE", CsipProfil),
            Huvud(u, nu),
            new XElement(M + "dmdSec", new XAttribute("ID", "dmd-erms"), new XAttribute("CREATED", Tid(nu)), new XAttribute("STATUS", "CURRENT"),
                MdRef(rot, erms, "OTHER", "ERMS", nu)),
            new XElement(M + "amdSec",
                new XElement(M + "digiprovMD", new XAttribute("ID", "digiprov-premis"), new XAttribute("STATUS", "CURRENT"), MdRef(rot, premis, "PREMIS", null, nu))),
            new XElement(M + "fileSec", new XAttribute("ID", "filesec"),
                new XElement(M + "fileGrp", new XAttribute("ID", "grp-documentation"), new XAttribute("USE", "Documentation"),
                    dokumentation.Select((f, i) => Fil($"fil-dok-{i + 1}", rot, f, nu))),
                new XElement(M + "fileGrp", new XAttribute("ID", "grp-schemas"), new XAttribute("USE", "Schemas"),
                    scheman.Select((f, i) => Fil($"fil-schema-{i + 1}", rot, f, nu))),
                new XElement(M + "fileGrp", new XAttribute("ID", "grp-rep1"), new XAttribute("USE", "Representations/rep1"),
                    Fil("fil-rep1-mets", rot, repMets, nu))),
            new XElement(M + "structMap", new XAttribute("ID", "structmap-csip"), new XAttribute("TYPE", "PHYSICAL"), new XAttribute("LABEL", "CSIP"),
                new XElement(M + "div", new XAttribute("ID", "div-paket"), new XAttribute("LABEL", objid),
                    new XElement(M + "div", new XAttribute("ID", "div-metadata"), new XAttribute("LABEL", "Metadata"),
                        new XAttribute("DMDID", "dmd-erms"), new XAttribute("ADMID", "digiprov-premis")),
                    new XElement(M + "div", new XAttribute("ID", "div-documentation"), new XAttribute("LABEL", "Documentation"),
                        new XElement(M + "fptr", new XAttribute("FILEID", "grp-documentation"))),
                    new XElement(M + "div", new XAttribute("ID", "div-schemas"), new XAttribute("LABEL", "Schemas"),
                        new XElement(M + "fptr", new XAttribute("FILEID", "grp-schemas"))),
                    new XElement(M + "div", new XAttribute("ID", "div-rep1"), new XAttribute("LABEL", "Representations/rep1"),
                        new XElement(M + "fptr", new XAttribute("FILEID", "grp-rep1")),
                        new XElement(M + "mptr", Lank($"{Representation}/METS.xml"))))));
    }

    /// <summary>The creating software (CSIP10–16), the archival creator and the submitter (SIP9–20): the förbund.</summary>
    private static XElement Huvud(Arendeunderlag u, DateTimeOffset nu)
    {
        XElement Organisation(string roll) => new(M + "agent", new XAttribute("ROLE", roll), new XAttribute("TYPE", "ORGANIZATION"),
            new XElement(M + "name", u.Forbund.Namn),
            new XElement(M + "note", new XAttribute(Csip + "NOTETYPE", "IDENTIFICATIONCODE"), u.Forbund.Organisationsnummer));
        return new XElement(M + "metsHdr", new XAttribute("CREATEDATE", Tid(nu)), new XAttribute("RECORDSTATUS", "NEW"),
            new XAttribute(Csip + "OAISPACKAGETYPE", "SIP"),
            new XElement(M + "agent", new XAttribute("ROLE", "CREATOR"), new XAttribute("TYPE", "OTHER"), new XAttribute("OTHERTYPE", "SOFTWARE"),
                new XElement(M + "name", "InsatsFlow"), new XElement(M + "note", new XAttribute(Csip + "NOTETYPE", "SOFTWARE VERSION"), Version)),
            Organisation("ARCHIVIST"),
            Organisation("CREATOR"));
    }

    private static XElement RepresentationsMets(string rot, string objid, IReadOnlyList<string> data, DateTimeOffset nu)
    {
        var repRot = Path.Combine(rot, Representation);
        var relativa = data.Select(d => Path.GetRelativePath(repRot, Path.Combine(rot, d)).Replace('\\', '/')).ToList();
        return new XElement(M + "mets",
            new XAttribute(XNamespace.Xmlns + "mets", M), new XAttribute(XNamespace.Xmlns + "xlink", XLink), new XAttribute(XNamespace.Xmlns + "csip", Csip),
            new XAttribute("OBJID", $"{objid}/rep1"), new XAttribute("TYPE", "OTHER"), new XAttribute(Csip + "OTHERTYPE", "Ärendeakt"),
            new XAttribute(Csip + "CONTENTINFORMATIONTYPE", "citserms_v2_1"), new XAttribute("PROFILE", CsipProfil),
            new XElement(M + "metsHdr", new XAttribute("CREATEDATE", Tid(nu)), new XAttribute(Csip + "OAISPACKAGETYPE", "SIP"),
                new XElement(M + "agent", new XAttribute("ROLE", "CREATOR"), new XAttribute("TYPE", "OTHER"), new XAttribute("OTHERTYPE", "SOFTWARE"),
                    new XElement(M + "name", "InsatsFlow"), new XElement(M + "note", new XAttribute(Csip + "NOTETYPE", "SOFTWARE VERSION"), Version))),
            new XElement(M + "fileSec", new XAttribute("ID", "filesec-rep1"),
                new XElement(M + "fileGrp", new XAttribute("ID", "grp-data"), new XAttribute("USE", "Representations/rep1/data"),
                    relativa.Select((f, i) => Fil($"fil-data-{i + 1}", repRot, f, nu)))),
            new XElement(M + "structMap", new XAttribute("ID", "structmap-rep1"), new XAttribute("TYPE", "PHYSICAL"), new XAttribute("LABEL", "CSIP"),
                new XElement(M + "div", new XAttribute("ID", "div-rep1-rot"), new XAttribute("LABEL", "rep1"),
                    new XElement(M + "div", new XAttribute("ID", "div-rep1-data"), new XAttribute("LABEL", "Representations"),
                        new XElement(M + "fptr", new XAttribute("FILEID", "grp-data"))))));
    }

    private static string Lasmig(Arendeunderlag u, string objid) => $"""
        Arkivpaket {objid}
        Ärende {u.Insats.Diarienummer}: {u.Insats.Titel} ({u.Forbund.Namn}, {u.Forbund.Organisationsnummer})

        Paketet följer E-ARK CSIP/SIP (FGS 2.0). Ärendet beskrivs enligt CITS ERMS i metadata/descriptive/erms.xml,
        bevarandeinformationen enligt PREMIS 3 i metadata/preservation/premis.xml.

        {Representation}/data/dokument/        handlingarna som de arkiverades (HTML) med mall, mallens SHA-256 och modell (JSON)
        {Representation}/data/beslut/          varje beslut och implementeringsbeslutet
        {Representation}/data/regelprovningar/ varje regelprövning med regelverk, version, regelfilens SHA-256, indata och utfall
        {Representation}/data/journal/         processens journal med hashkedjan (varje posts hash = SHA-256 av föregående hash och posten)
        {Representation}/data/process/         BPMN-filen för den processversion ärendet gick igenom
        {Representation}/data/arende/          insatsen (med SUS-uppgifterna) och diariet
        {Manifest}                 SHA-256 för varje fil i paketet

        Kontroll: insatsflow arkiv verify <paketets mapp> räknar om varje kontrollsumma och journalens hashkedja.
        Utan InsatsFlow: sha256sum -c {Manifest} i paketets mapp.

        """.Replace("\r\n", "\n");
}

/// <summary>One process instance's journal as the package holds it: enough to check the chain without the database.</summary>
public sealed record Journalfil(Journalinstans Instans, IReadOnlyList<InsatsFlow.Engine.Store.JournalEntry> Poster);

public sealed record Journalinstans(string Id, string DefinitionId, long JournalSequence, string JournalHash);
