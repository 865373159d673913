using System.Text.Json;
using System.Xml.Linq;
using InsatsFlow.Engine.Journal;
using InsatsFlow.Engine.Store;
using static InsatsFlow.Core.Arkiv.Mets;

namespace InsatsFlow.Core.Arkiv;

/// <summary>
/// `insatsflow arkiv verify`: re-checks every checksum of the manifest and of both METS files, that no file was added
/// or removed, and each journal's hash chain. Each problem names the file (and the journal entry).
/// </summary>
public static class Arkivkontroll
{
    public static Arkivkontrollresultat Kontrollera(string rot)
    {
        var fel = new List<string>();
        if (!Directory.Exists(rot)) return new(0, [$"Paketet {rot} finns inte."]);
        var manifest = Path.Combine(rot, Arkivpaketering.Manifest);
        if (!File.Exists(manifest)) return new(0, [$"{Arkivpaketering.Manifest} saknas i paketet."]);

        var listade = new Dictionary<string, string>(StringComparer.Ordinal);
        var radnummer = 0;
        foreach (var rad in File.ReadAllLines(manifest))
        {
            radnummer++;
            if (rad.Length == 0) continue;
            var delar = rad.Split("  ", 2);
            if (delar.Length != 2 || delar[0].Length != 64) { fel.Add($"{Arkivpaketering.Manifest} rad {radnummer}: ska vara \"<sha256>  <fil>\"."); continue; }
            listade[delar[1]] = delar[0];
        }
        foreach (var (fil, summa) in listade)
        {
            var sokvag = Path.Combine(rot, fil);
            if (!File.Exists(sokvag)) fel.Add($"{fil}: finns i manifestet men saknas i paketet.");
            else if (Sha256(sokvag) != summa) fel.Add($"{fil}: kontrollsumman stämmer inte med manifestet (filen har ändrats).");
        }
        foreach (var fil in Directory.EnumerateFiles(rot, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(rot, f).Replace('\\', '/')))
            if (fil != Arkivpaketering.Manifest && !listade.ContainsKey(fil)) fel.Add($"{fil}: finns i paketet men inte i manifestet.");

        KontrolleraMets(rot, "METS.xml", fel);
        KontrolleraMets(Path.Combine(rot, Arkivpaketering.Representation), "METS.xml", fel, Arkivpaketering.Representation + "/");

        var journaler = Path.Combine(rot, Arkivpaketering.Representation, "data", "journal");
        var antal = 0;
        if (Directory.Exists(journaler))
            foreach (var fil in Directory.EnumerateFiles(journaler, "*.json").Order())
            {
                antal++;
                var namn = Path.GetRelativePath(rot, fil).Replace('\\', '/');
                try
                {
                    var journal = JsonSerializer.Deserialize<Journalfil>(File.ReadAllText(fil)) ?? throw new JsonException("tom fil");
                    var instans = new ProcessInstance
                    {
                        Id = journal.Instans.Id, DefinitionId = journal.Instans.DefinitionId, DefinitionKey = "",
                        JournalSequence = journal.Instans.JournalSequence, JournalHash = journal.Instans.JournalHash,
                    };
                    var kontroll = JournalChain.Verify(instans, journal.Poster);
                    if (!kontroll.Intact) fel.Add($"{namn}: journalens hashkedja håller inte: {kontroll.Problem}.");
                }
                catch (JsonException e)
                {
                    fel.Add($"{namn}: kan inte läsas som journal ({e.Message}).");
                }
            }
        return new(listade.Count, fel) { Journaler = antal };
    }

    private static void KontrolleraMets(string katalog, string namn, List<string> fel, string prefix = "")
    {
        var sokvag = Path.Combine(katalog, namn);
        if (!File.Exists(sokvag)) { fel.Add($"{prefix}{namn}: saknas."); return; }
        XDocument mets;
        try { mets = XDocument.Load(sokvag); }
        catch (System.Xml.XmlException e) { fel.Add($"{prefix}{namn}: är inte giltig XML ({e.Message})."); return; }
        foreach (var element in mets.Descendants().Where(e => e.Attribute("CHECKSUM") is not null))
        {
            var href = (string?)(element.Element(M + "FLocat") ?? element).Attribute(XLink + "href");
            if (href is null) continue;
            var fil = Path.Combine(katalog, href);
            if (!File.Exists(fil)) fel.Add($"{prefix}{href}: METS pekar på filen men den saknas.");
            else if (Sha256(fil) != (string?)element.Attribute("CHECKSUM")) fel.Add($"{prefix}{href}: kontrollsumman stämmer inte med {prefix}{namn}.");
        }
    }
}

public sealed record Arkivkontrollresultat(int Filer, IReadOnlyList<string> Fel)
{
    public bool Hel => Fel.Count == 0;
    public int Journaler { get; init; }
}
