using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace InsatsFlow.Core.Sus;

/// <summary>Writes the SUS export as XLSX (two sheets, MiniExcel) or CSV (the insatser; semicolons and UTF-8 with BOM, as Swedish Excel reads it, CsvHelper).</summary>
public static class SusExportformat
{
    public static readonly CultureInfo Svenska = CultureInfo.GetCultureInfo("sv-SE");

    public static async Task SkrivXlsxAsync(SusExportfil fil, Stream ut, CancellationToken ct = default)
    {
        var flikar = new Dictionary<string, object>
        {
            [fil.Insatser.Namn] = Rader(fil.Insatser),
            [fil.Samverkansbudget.Namn] = Rader(fil.Samverkansbudget),
        };
        await ut.SaveAsAsync(flikar, cancellationToken: ct);
    }

    /// <summary>The insatser sheet; the samverkansbudget follows after an empty line under its own heading.</summary>
    public static async Task SkrivCsvAsync(SusExportfil fil, Stream ut, CancellationToken ct = default)
    {
        var options = new CsvWriterOptions { Separator = ';', WriteByteOrderMark = true, FormatProvider = Svenska, ValidateFieldCount = false };
        using var csv = CsvWriter.Create(ut, options, leaveOpen: true);
        Skriv(csv, fil.Insatser);
        csv.WriteRecord("");
        csv.WriteRecord(fil.Samverkansbudget.Namn);
        Skriv(csv, fil.Samverkansbudget);
        await csv.FlushAsync(ct);
    }

    private static void Skriv(CsvWriter csv, SusTabell tabell)
    {
        csv.WriteRecord([.. tabell.Rubriker]);
        foreach (var rad in tabell.Rader) csv.WriteRecord([.. rad.Select(Text)]);
    }

    public static string Text(object? varde) => varde switch
    {
        null => "",
        decimal d => d.ToString("0.##", Svenska),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => varde.ToString() ?? "",
    };

    private static List<Dictionary<string, object?>> Rader(SusTabell tabell) =>
        [.. tabell.Rader.Select(rad => tabell.Rubriker.Select((r, i) => (r, v: rad[i])).ToDictionary(x => x.r, x => x.v))];
}
