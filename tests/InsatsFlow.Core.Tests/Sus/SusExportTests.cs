using System.Text;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Sus;
using InsatsFlow.Core.Tests.Livscykel;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace InsatsFlow.Core.Tests.Sus;

/// <summary>
/// The SUS export of a förbund and year: its columns and rows against the committed expected file
/// (forvantad-sus-export-2026.csv), the second sheet, and what stops it.
/// </summary>
public sealed class SusExportTests : IDisposable
{
    private readonly Susmiljo m = new();
    private static readonly DateOnly Idag = new(2026, 3, 1);
    private static readonly string Forvantad = Path.Combine(Livscykelmiljo.Repo(), "tests", "InsatsFlow.Core.Tests", "Sus", "forvantad-sus-export-2026.csv");

    private async Task SparaDemoAsync()
    {
        var komplett = m.Komplett();
        komplett.Uppfoljningsrapporter.Add(new Uppfoljningsrapport
        {
            PeriodFran = new(2026, 1, 1), PeriodTill = new(2026, 6, 30), SistaDag = new(2026, 7, 31), DeltagarePaborjade = 18, DeltagareAvslutade = 3,
            Utfall = [new() { Budgettyp = "esf-insatskostnad", Belopp = 45_000m }],
        });
        var strukturell = new Insats
        {
            ForbundId = m.Forbund.Id, Diarienummer = "SF 2026/002", Titel = "Kompetens i samverkan", SokandeOrganisation = "Region Dalarna", Fas = InsatsFas.Genomforande,
            PeriodStart = new DateOnly(2026, 2, 1), PeriodSlut = new DateOnly(2026, 11, 30),
            Sus = new SusUppgifter
            {
                Beskrivning = "Utbildning i samordnad rehabilitering för parternas handläggare; \"gemensamma\" dagar.", Inriktning = "strukturovergripande",
                PreciseradInriktning = "kompetensutveckling", Matningsmetod = "endast-antal", Malgrupper = ["personal-hos-parterna"],
            },
            SusArsplaner = [new() { Ar = 2026, PlaneradeDeltagare = 120 }],
            SusBudgetposter = [new() { Ar = 2026, Budgettyp = "insatskostnad", Budget = 250_000m }],
        };
        strukturell.Beslut.Add(new Beslut { InsatsId = strukturell.Id, Typ = BeslutsTyp.Bifall, Datum = new DateOnly(2026, 1, 15), Paragraf = 3, BeviljatBelopp = 250_000m });
        var avslagen = new Insats { ForbundId = m.Forbund.Id, Diarienummer = "SF 2026/001", Titel = "Rodret", SokandeOrganisation = "Region Dalarna", Fas = InsatsFas.Avslagen };
        avslagen.Beslut.Add(new Beslut { InsatsId = avslagen.Id, Typ = BeslutsTyp.Avslag, Datum = new DateOnly(2026, 1, 15), Paragraf = 2 });
        var senare = m.Komplett("SF 2026/009", "Börjar 2028");
        senare.PeriodStart = new DateOnly(2028, 1, 1);
        senare.PeriodSlut = new DateOnly(2028, 12, 31);
        await m.SparaAsync(komplett, strukturell, avslagen, senare);
    }

    private Task<SusExportresultat> ExporteraAsync() =>
        m.MedAsync(sp => sp.GetRequiredService<SusExport>().ByggAsync(m.Forbund.Id, 2026, Idag));

    [Fact]
    public async Task Exportens_kolumner_och_rader_stammer_med_den_forvantade_filen()
    {
        await SparaDemoAsync();
        var resultat = await ExporteraAsync();
        using var csv = new MemoryStream();

        await SusExportformat.SkrivCsvAsync(resultat.Fil!, csv);

        var faktisk = Encoding.UTF8.GetString(csv.ToArray());
        faktisk.Should().StartWith("\uFEFF", "Excel läser svensk CSV rätt med BOM");
        faktisk.TrimStart('\uFEFF').ReplaceLineEndings("\n").Should().Be(File.ReadAllText(Forvantad).ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Kolumnerna_foljer_datafilens_ordning_och_rubriker()
    {
        await SparaDemoAsync();
        var katalog = SusKatalog.LaddaFran(Path.Combine(Livscykelmiljo.Repo(), "sus"));

        var resultat = await ExporteraAsync();

        resultat.Fil!.Insatser.Rubriker.Should().Equal(katalog.Kolumner.Kolumner.Select(k => k.Rubrik));
        resultat.Fil.Insatser.Rader.Select(r => r[0]).Should().Equal("SF 2025/031", "SF 2026/002");
    }

    [Fact]
    public async Task Xlsx_har_insatserna_och_samverkansbudgeten_per_finansiar_pa_var_sin_flik()
    {
        await SparaDemoAsync();
        var resultat = await ExporteraAsync();
        using var xlsx = new MemoryStream();

        await SusExportformat.SkrivXlsxAsync(resultat.Fil!, xlsx);

        xlsx.Position = 0;
        xlsx.GetSheetNames().Should().Equal("Insatser", "Samverkansbudget");
        var insatser = xlsx.Query(useHeaderRow: true, sheetName: "Insatser").Cast<IDictionary<string, object?>>().ToList();
        insatser.Should().HaveCount(2);
        insatser[0]["Insatsens namn"].Should().Be("Vägen till arbete");
        Convert.ToDecimal(insatser[0]["Utfall Insatskostnad"]).Should().Be(850_250.5m, "beloppen är tal i Excel, inte text");
        insatser[1]["Mätningsmetod"].Should().Be("Endast antal (volyminsats)");
        var samverkan = xlsx.Query(useHeaderRow: true, sheetName: "Samverkansbudget").Cast<IDictionary<string, object?>>().ToList();
        samverkan.Select(r => (string)r["Finansiär"]!).Should().Equal("Försäkringskassan", "Region Dalarna", "Norrby kommun", "Eget kapital");
        samverkan.Sum(r => Convert.ToDecimal(r["Belopp"])).Should().Be(4_400_000m);
    }

    [Fact]
    public async Task En_beviljad_insats_som_saknar_SUS_uppgifter_stoppar_exporten_med_vad_som_saknas()
    {
        var ofullstandig = m.Komplett("SF 2026/004", "Utan målgrupp");
        ofullstandig.Sus.Malgrupper.Clear();
        await m.SparaAsync(m.Komplett(), ofullstandig);

        var resultat = await ExporteraAsync();

        resultat.Fil.Should().BeNull();
        resultat.Avvisade.Should().ContainSingle().Which.Text.Should().Be("SF 2026/004 Utan målgrupp: Minst en specifik målgrupp ska anges.");
    }

    public void Dispose() => m.Dispose();
}
