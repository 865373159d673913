using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using System.Xml.XPath;
using InsatsFlow.Core.Arkiv;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Tests.Livscykel;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Core.Tests.Arkiv;

/// <summary>
/// The closed insats as an E-ARK SIP. The structure is held against the mandatory (MUST) requirements of E-ARK CSIP
/// 2.2 and SIP 2.2 by their ids, the ärende against CITS ERMS's required elements, and verify against tampering.
/// </summary>
public sealed class ArkivpaketTests(ArkivpaketVard vard) : IClassFixture<ArkivpaketVard>
{
    private static readonly XmlNamespaceManager Ns = Namnrymder();

    private static XmlNamespaceManager Namnrymder()
    {
        var ns = new XmlNamespaceManager(new NameTable());
        ns.AddNamespace("mets", Mets.M.NamespaceName);
        ns.AddNamespace("xlink", Mets.XLink.NamespaceName);
        ns.AddNamespace("csip", Mets.Csip.NamespaceName);
        ns.AddNamespace("premis", Mets.Premis.NamespaceName);
        ns.AddNamespace("erms", Mets.Erms.NamespaceName);
        return ns;
    }

    /// <summary>Each MUST of the CSIP/SIP profile that applies to this package, with the profile's METS XPath.</summary>
    public static TheoryData<string, string> CsipKrav() => new()
    {
        { "CSIP1", "/mets:mets/@OBJID" },
        { "CSIP2", "/mets:mets/@TYPE" },
        { "CSIP6/SIP2", "/mets:mets[@PROFILE='https://earksip.dilcis.eu/profile/E-ARK-SIP-v2-2-0.xml']" },
        { "CSIP117", "/mets:mets/mets:metsHdr" },
        { "CSIP7", "/mets:mets/mets:metsHdr/@CREATEDATE" },
        { "CSIP9/SIP4", "/mets:mets/mets:metsHdr[@csip:OAISPACKAGETYPE='SIP']" },
        { "CSIP10-13", "/mets:mets/mets:metsHdr/mets:agent[@ROLE='CREATOR' and @TYPE='OTHER' and @OTHERTYPE='SOFTWARE']" },
        { "CSIP14", "/mets:mets/mets:metsHdr/mets:agent[@OTHERTYPE='SOFTWARE']/mets:name" },
        { "CSIP15-16", "/mets:mets/mets:metsHdr/mets:agent[@OTHERTYPE='SOFTWARE']/mets:note[@csip:NOTETYPE='SOFTWARE VERSION']" },
        { "SIP10-14", "/mets:mets/mets:metsHdr/mets:agent[@ROLE='ARCHIVIST' and @TYPE='ORGANIZATION']/mets:note[@csip:NOTETYPE='IDENTIFICATIONCODE']" },
        { "SIP15-20", "/mets:mets/mets:metsHdr/mets:agent[@ROLE='CREATOR' and @TYPE='ORGANIZATION']/mets:name" },
        { "CSIP18-19", "/mets:mets/mets:dmdSec[@ID and @CREATED]" },
        { "CSIP22-30", "/mets:mets/mets:dmdSec/mets:mdRef[@LOCTYPE='URL' and @xlink:type='simple' and @xlink:href and @MDTYPE and @MIMETYPE and @SIZE and @CREATED and @CHECKSUM and @CHECKSUMTYPE]" },
        { "CSIP33-44", "/mets:mets/mets:amdSec/mets:digiprovMD[@ID]/mets:mdRef[@LOCTYPE='URL' and @xlink:type='simple' and @xlink:href and @MDTYPE='PREMIS' and @MIMETYPE and @SIZE and @CREATED and @CHECKSUM and @CHECKSUMTYPE]" },
        { "CSIP59", "/mets:mets/mets:fileSec/@ID" },
        { "CSIP60", "/mets:mets/mets:fileSec/mets:fileGrp[@USE='Documentation']" },
        { "CSIP113", "/mets:mets/mets:fileSec/mets:fileGrp[@USE='Schemas']/mets:file" },
        { "CSIP114", "/mets:mets/mets:fileSec/mets:fileGrp[starts-with(@USE, 'Representations/')]" },
        { "CSIP65-72", "/mets:mets/mets:fileSec/mets:fileGrp[@ID]/mets:file[@ID and @MIMETYPE and @SIZE and @CREATED and @CHECKSUM and @CHECKSUMTYPE]" },
        { "CSIP76-79", "/mets:mets/mets:fileSec/mets:fileGrp/mets:file/mets:FLocat[@LOCTYPE='URL' and @xlink:type='simple' and @xlink:href]" },
        { "CSIP80-83", "/mets:mets/mets:structMap[@TYPE='PHYSICAL' and @LABEL='CSIP' and @ID]" },
        { "CSIP84-85", "/mets:mets/mets:structMap[@LABEL='CSIP']/mets:div[@ID]" },
        { "CSIP88-90", "/mets:mets/mets:structMap[@LABEL='CSIP']/mets:div/mets:div[@LABEL='Metadata' and @ID]" },
        { "CSIP94-95,116", "/mets:mets/mets:structMap[@LABEL='CSIP']/mets:div/mets:div[@LABEL='Documentation' and @ID]/mets:fptr/@FILEID" },
        { "CSIP98-99,118", "/mets:mets/mets:structMap[@LABEL='CSIP']/mets:div/mets:div[@LABEL='Schemas' and @ID]/mets:fptr/@FILEID" },
        { "CSIP106-108", "/mets:mets/mets:structMap[@LABEL='CSIP']/mets:div/mets:div[@LABEL='Representations/rep1' and @ID]/mets:fptr/@FILEID" },
        { "CSIP109-112", "/mets:mets/mets:structMap[@LABEL='CSIP']/mets:div/mets:div[@LABEL='Representations/rep1']/mets:mptr[@LOCTYPE='URL' and @xlink:type='simple' and @xlink:href='representations/rep1/METS.xml']" },
    };

    [Theory]
    [MemberData(nameof(CsipKrav))]
    public void Paketets_METS_uppfyller_CSIP_kravet(string krav, string xpath)
    {
        var mets = XDocument.Load(Path.Combine(vard.Paket, "METS.xml"));

        ((IEnumerable<object>)mets.XPathEvaluate(xpath, Ns)).Should().NotBeEmpty("{0} kräver {1}", krav, xpath);
    }

    [Fact]
    public void Paketet_ligger_i_en_rotmapp_med_METS_xml_som_heter_som_OBJID()
    {
        var mets = XDocument.Load(Path.Combine(vard.Paket, "METS.xml"));

        ((string)mets.Root!.Attribute("OBJID")!).Should().Be(Path.GetFileName(vard.Paket), "CSIPSTR2: rotmappen heter som paketets OBJID");
        Directory.GetDirectories(vard.Paket).Select(Path.GetFileName).Should().BeEquivalentTo("metadata", "representations", "documentation", "schemas");
        File.Exists(Path.Combine(vard.Paket, "representations", "rep1", "METS.xml")).Should().BeTrue("CSIPSTR12: varje representation har sin METS.xml");
    }

    [Fact]
    public void Varje_ID_ar_unikt_i_paketets_METS()
    {
        foreach (var fil in new[] { "METS.xml", "representations/rep1/METS.xml" })
        {
            var id = XDocument.Load(Path.Combine(vard.Paket, fil)).Descendants().Select(e => (string?)e.Attribute("ID")).Where(v => v is not null).ToList();
            id.Should().OnlyHaveUniqueItems(fil);
        }
    }

    [Fact]
    public void Paketet_har_handlingarna_besluten_regelprovningarna_journalen_och_BPMN()
    {
        var data = Path.Combine(vard.Paket, "representations", "rep1", "data");
        var filer = Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(data, f).Replace('\\', '/')).ToList();

        filer.Should().Contain(f => f.StartsWith("dokument/") && f.EndsWith("-tjansteskrivelse.html"));
        filer.Should().Contain(f => f.StartsWith("dokument/") && f.EndsWith("-protokollsutdrag.html"));
        filer.Should().Contain(f => f.StartsWith("dokument/") && f.EndsWith("-beslutsbrev.html"));
        filer.Should().Contain("beslut/beslut.json");
        filer.Should().Contain(f => f.StartsWith("process/insats-livscykel-v") && f.EndsWith(".bpmn"));
        filer.Should().ContainSingle(f => f.StartsWith("journal/"));
        var provningar = filer.Where(f => f.StartsWith("regelprovningar/")).ToList();
        provningar.Should().Contain(f => f.Contains("jav-och-beslutforhet"));
        var provning = JsonNode.Parse(File.ReadAllText(Path.Combine(data, provningar[0])))!;
        ((string)provning["Regelverk"]!).Should().NotBeEmpty();
        ((string)provning["Version"]!).Should().NotBeEmpty();
        ((string)provning["Sha256"]!).Should().MatchRegex("^[0-9a-f]{64}$");
        var beslut = JsonNode.Parse(File.ReadAllText(Path.Combine(data, "beslut", "beslut.json")))!;
        beslut["Beslut"]!.AsArray().Select(b => (string)b!["Typ"]!).Should().Contain("Bifall");
    }

    [Fact]
    public void Representationens_METS_listar_varje_datafil_med_dess_SHA256()
    {
        var rep = Path.Combine(vard.Paket, "representations", "rep1");
        var mets = XDocument.Load(Path.Combine(rep, "METS.xml"));
        var listade = mets.Descendants(Mets.M + "file").ToDictionary(
            f => (string)f.Element(Mets.M + "FLocat")!.Attribute(Mets.XLink + "href")!, f => (string)f.Attribute("CHECKSUM")!);
        var filer = Directory.EnumerateFiles(Path.Combine(rep, "data"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(rep, f).Replace('\\', '/')).ToList();

        listade.Keys.Should().BeEquivalentTo(filer);
        foreach (var fil in filer) listade[fil].Should().Be(Sha256(Path.Combine(rep, fil)), fil);
    }

    [Fact]
    public void Manifestet_har_kontrollsumman_for_varje_fil_i_paketet()
    {
        var rader = File.ReadAllLines(Path.Combine(vard.Paket, Arkivpaketering.Manifest)).Select(r => r.Split("  ", 2)).ToDictionary(d => d[1], d => d[0]);
        var filer = Directory.EnumerateFiles(vard.Paket, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(vard.Paket, f).Replace('\\', '/'))
            .Where(f => f != Arkivpaketering.Manifest).ToList();

        rader.Keys.Should().BeEquivalentTo(filer);
        foreach (var fil in filer) rader[fil].Should().Be(Sha256(Path.Combine(vard.Paket, fil)), fil);
    }

    [Fact]
    public void Arendet_beskrivs_enligt_CITS_ERMS_med_en_handling_per_diariepost()
    {
        var erms = XDocument.Load(Path.Combine(vard.Paket, "metadata", "descriptive", "erms.xml"));
        string[] kravda =
        [
            "/erms:erms/erms:control/erms:identification",
            "/erms:erms/erms:control/erms:maintenanceInformation/erms:maintenanceStatus/@value",
            "/erms:erms/erms:control/erms:maintenanceInformation/erms:maintenanceAgency/erms:agencyName",
            "/erms:erms/erms:control/erms:maintenanceInformation/erms:maintenanceHistory/erms:maintenanceEvent[erms:eventType/@value and erms:eventDateTime and erms:agent[@agentType]/erms:name]",
            "/erms:erms/erms:aggregations/erms:aggregation[@systemIdentifier and @aggregationType='caseFile']/erms:objectId",
            "/erms:erms/erms:aggregations/erms:aggregation/erms:record[@systemIdentifier]/erms:objectId",
        ];
        foreach (var xpath in kravda) ((IEnumerable<object>)erms.XPathEvaluate(xpath, Ns)).Should().NotBeEmpty(xpath);

        var arende = erms.XPathSelectElement("/erms:erms/erms:aggregations/erms:aggregation", Ns)!;
        arende.Element(Mets.Erms + "objectId")!.Value.Should().Be(vard.Diarienummer);
        var handlingar = arende.Elements(Mets.Erms + "record").Select(r => r.Element(Mets.Erms + "objectId")!.Value).ToList();
        handlingar.Should().Equal(Enumerable.Range(1, handlingar.Count).Select(n => $"{vard.Diarienummer}-{n}"));
        arende.Elements(Mets.Erms + "record").Should().Contain(r => r.Element(Mets.Erms + "title")!.Value == "Protokollsutdrag"
            && r.Descendants(Mets.Erms + "appendix").Any(a => ((string)a.Attribute("path")!).StartsWith("representations/rep1/data/dokument/")));
    }

    [Fact]
    public void PREMIS_har_ett_objekt_med_SHA256_for_varje_datafil()
    {
        var premis = XDocument.Load(Path.Combine(vard.Paket, "metadata", "preservation", "premis.xml"));
        var objekt = premis.Root!.Elements(Mets.Premis + "object").ToDictionary(
            o => o.Descendants(Mets.Premis + "objectIdentifierValue").Single().Value, o => o.Descendants(Mets.Premis + "messageDigest").Single().Value);

        objekt.Should().NotBeEmpty();
        foreach (var (fil, summa) in objekt) summa.Should().Be(Sha256(Path.Combine(vard.Paket, fil)), fil);
        premis.Root.Elements(Mets.Premis + "event").Select(e => e.Element(Mets.Premis + "eventType")!.Value).Should().Contain(["creation", "validation", "decision"]);
        premis.Root.Elements(Mets.Premis + "agent").Should().HaveCount(2);
    }

    [Fact]
    public void Verify_godkanner_ett_orort_paket()
    {
        var resultat = Arkivkontroll.Kontrollera(vard.Paket);

        resultat.Fel.Should().BeEmpty();
        resultat.Journaler.Should().Be(1);
    }

    [Fact]
    public void Verify_namnger_en_andrad_fil()
    {
        var kopia = vard.Kopia();
        var beslut = Path.Combine(kopia, "representations", "rep1", "data", "beslut", "beslut.json");
        File.WriteAllText(beslut, File.ReadAllText(beslut).Replace("Bifall", "Avslag"));

        var resultat = Arkivkontroll.Kontrollera(kopia);

        resultat.Hel.Should().BeFalse();
        resultat.Fel.Should().Contain(f => f.StartsWith("representations/rep1/data/beslut/beslut.json: kontrollsumman stämmer inte med manifestet"));
    }

    [Fact]
    public void En_forfalskare_som_raknar_om_kontrollsummorna_fangas_av_journalens_hashkedja()
    {
        var kopia = vard.Kopia();
        var journalfil = Directory.EnumerateFiles(Path.Combine(kopia, "representations", "rep1", "data", "journal")).Single();
        var journal = JsonNode.Parse(File.ReadAllText(journalfil))!;
        journal["Poster"]![3]!["UserId"] = "nagon.annan";
        File.WriteAllText(journalfil, journal.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        RaknaOmKontrollsummor(kopia, journalfil);

        var resultat = Arkivkontroll.Kontrollera(kopia);

        resultat.Fel.Should().ContainSingle().Which.Should().Match($"representations/rep1/data/journal/{Path.GetFileName(journalfil)}: journalens hashkedja håller inte: post 4 *har ändrats*");
    }

    [Fact]
    public void Verify_namnger_en_fil_som_lagts_till_eller_tagits_bort()
    {
        var kopia = vard.Kopia();
        File.WriteAllText(Path.Combine(kopia, "representations", "rep1", "data", "tillagd.txt"), "inte arkiverad");
        File.Delete(Directory.EnumerateFiles(Path.Combine(kopia, "representations", "rep1", "data", "dokument"), "*.html").First());

        var resultat = Arkivkontroll.Kontrollera(kopia);

        resultat.Fel.Should().Contain("representations/rep1/data/tillagd.txt: finns i paketet men inte i manifestet.");
        resultat.Fel.Should().Contain(f => f.Contains("dokument/") && f.EndsWith("finns i manifestet men saknas i paketet."));
    }

    [Fact]
    public async Task Varje_handling_i_arendet_far_ett_diarienummer_och_ett_registreringsdatum()
    {
        var poster = await vard.Miljo.Harness.WithDbAsync(db => Task.FromResult(db.Diarieposter.Where(d => d.InsatsId == vard.InsatsId).OrderBy(d => d.Lopnummer).ToList()));

        poster.Select(p => p.Lopnummer).Should().Equal(Enumerable.Range(1, poster.Count));
        poster.Should().Contain(p => p.Handling == "Tjänsteskrivelse" && p.Riktning == Handlingsriktning.Upprattad && p.DokumentId != null);
        poster.Should().Contain(p => p.Handling == "Protokollsutdrag" && p.DokumentId != null);
        poster.Should().Contain(p => p.Handling.StartsWith("Uppföljningsrapport") && p.Riktning == Handlingsriktning.Inkommen);
        poster.Should().OnlyContain(p => p.Diarienummer.StartsWith(vard.Diarienummer + "-"));
    }

    [Fact]
    public async Task En_oppen_insats_kan_inte_arkiveras_och_meddelandet_sager_vad_som_saknas()
    {
        var (id, _) = await vard.Miljo.TillAnsokanAsync();
        var diarienummer = (await vard.Miljo.InsatsAsync(id)).Diarienummer;
        using var scope = vard.Miljo.Harness.Services.CreateScope();

        var fel = await FluentActions.Awaiting(() => scope.ServiceProvider.GetRequiredService<Arkivpaketering>().SkapaAsync(diarienummer, vard.Ut.FullName))
            .Should().ThrowAsync<ArkivFel>();

        fel.Which.Message.Should().StartWith($"{diarienummer} Vägen till arbete kan inte arkiveras: insatsen är inte avslutad (fas: Ansökan)");
        fel.Which.Saknas.Should().Contain(s => s.StartsWith("SUS: Inriktning saknas"));
    }

    private static void RaknaOmKontrollsummor(string rot, string andrad)
    {
        var relativ = Path.GetRelativePath(rot, andrad).Replace('\\', '/');
        var summa = Sha256(andrad);
        var rep = Path.Combine(rot, "representations", "rep1", "METS.xml");
        var mets = XDocument.Load(rep);
        mets.Descendants(Mets.M + "file").Single(f => "representations/rep1/" + (string)f.Element(Mets.M + "FLocat")!.Attribute(Mets.XLink + "href")! == relativ)
            .SetAttributeValue("CHECKSUM", summa);
        mets.Save(rep);
        var rotMets = XDocument.Load(Path.Combine(rot, "METS.xml"));
        rotMets.Descendants(Mets.M + "file").Single(f => (string?)f.Element(Mets.M + "FLocat")?.Attribute(Mets.XLink + "href") == "representations/rep1/METS.xml")
            .SetAttributeValue("CHECKSUM", Sha256(rep));
        rotMets.Save(Path.Combine(rot, "METS.xml"));
        var manifest = Path.Combine(rot, Arkivpaketering.Manifest);
        File.WriteAllLines(manifest, File.ReadAllLines(manifest).Select(r =>
        {
            var fil = r.Split("  ", 2)[1];
            return fil is "METS.xml" or "representations/rep1/METS.xml" || fil == relativ ? $"{Sha256(Path.Combine(rot, fil))}  {fil}" : r;
        }));
    }

    private static string Sha256(string fil) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(fil)));
}
