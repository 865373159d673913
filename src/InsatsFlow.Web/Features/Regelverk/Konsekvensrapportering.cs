using System.Globalization;
using CsvHelper;
using InsatsFlow.Core.Regelprovning;
using InsatsFlow.Rules.Impact;

namespace InsatsFlow.Web.Features.Regelverk;

/// <summary>The konsekvensanalys as the API and the page give it: a summary, the changed evaluations, and CSV.</summary>
public static class Konsekvensrapportering
{
    public static KonsekvensanalysDto Dto(Konsekvensrapport rapport)
    {
        var o = rapport.Omprovning;
        return new(o.Utkast.Regelverk, o.Utkast.Version, o.Fran, o.Till, o.Alla, o.Provningar.Count, o.AntalProvade, o.AntalAndrade,
            [.. o.Andrade.Select(p => new AndradProvningDto(rapport.Arende(p)?.Text, rapport.Arende(p)?.Diarienummer, rapport.Arende(p)?.Titel,
                rapport.Arende(p)?.Budgetar, p.Sparad.Resultat.Datum, p.Sparad.Resultat.Version, p.Sparad.Id, p.Regler))],
            [.. o.KanInteProvas.Select(p => new EjProvadDto(rapport.Arende(p)?.Text, p.Sparad.Resultat.Datum, p.Sparad.Resultat.Version, p.Sparad.Id,
                p.SaknatFalt, p.Orsak))]);
    }

    /// <summary>Semicolon-separated with a UTF-8 byte order mark, as Excel in Swedish opens it; formulas in text are escaped.</summary>
    public static byte[] Csv(Konsekvensrapport rapport)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape }, true))
        {
            csv.WriteRecord(["Status", "Diarienummer", "Titel", "Budgetår", "Datum", "Tillämpad version", "Utkastets version", "Regel", "Då", "Nu", "Meddelande", "Detalj"]);
            foreach (var r in rapport.Rader())
                csv.WriteRecord([r.Status, r.Diarienummer ?? "", r.Titel ?? "", r.Budgetar?.ToString(CultureInfo.InvariantCulture) ?? "",
                    r.Datum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.VersionTillampad, rapport.Omprovning.Utkast.Version,
                    r.Regel ?? "", r.Da ?? "", r.Nu ?? "", r.Meddelande ?? "", r.Detalj ?? ""]);
        }
        return stream.ToArray();
    }
}

public sealed record KonsekvensanalysDto(
    string Regelverk, string Version, DateOnly GallerFran, DateOnly? GallerTill, bool Alla,
    int AntalIUrvalet, int AntalProvade, int AntalAndrade,
    IReadOnlyList<AndradProvningDto> Andrade, IReadOnlyList<EjProvadDto> KanInteProvas);

/// <param name="Arende">"SF 2026/012 Hälsodisken" or "Budget 2027".</param>
public sealed record AndradProvningDto(string? Arende, string? Diarienummer, string? Titel, int? Budgetar, DateOnly Datum, string TillampadVersion,
    string ProvningsId, IReadOnlyList<RuleComparison> Regler);

public sealed record EjProvadDto(string? Arende, DateOnly Datum, string TillampadVersion, string ProvningsId, string? SaknatFalt, string? Orsak);
