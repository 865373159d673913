using InsatsFlow.Core.Dokument;

namespace InsatsFlow.Core.Tests.Dokument;

public sealed class SvenskFormateringTests
{
    private const string Nbsp = "\u00A0";

    [Fact]
    public void Kronor_skrivs_med_hart_mellanslag_mellan_tusental_och_fore_kr()
    {
        SvenskFormatering.Kronor(1_250_000m).Should().Be($"1{Nbsp}250{Nbsp}000{Nbsp}kr");
    }

    [Fact]
    public void Kronor_visar_oren_bara_nar_det_finns_nagra()
    {
        SvenskFormatering.Kronor(1250.5m).Should().Be($"1{Nbsp}250,50{Nbsp}kr");
        SvenskFormatering.Kronor(800m).Should().Be($"800{Nbsp}kr");
    }

    [Fact]
    public void Ett_underskott_skrivs_med_minustecken()
    {
        SvenskFormatering.Kronor(-45_000m).Should().Be($"\u221245{Nbsp}000{Nbsp}kr");
    }

    [Fact]
    public void Datum_skrivs_med_manadens_namn()
    {
        SvenskFormatering.Datum(new DateOnly(2026, 11, 30)).Should().Be("30 november 2026");
        SvenskFormatering.Datum(new DateOnly(2027, 3, 1)).Should().Be("1 mars 2027");
    }

    [Fact]
    public void Kort_datum_ar_iso_format()
    {
        SvenskFormatering.DatumKort(new DateOnly(2026, 11, 30)).Should().Be("2026-11-30");
    }

    [Fact]
    public void Procent_tar_en_andel_och_skriver_decimalkomma()
    {
        SvenskFormatering.Procent(0.25m).Should().Be($"25{Nbsp}%");
        SvenskFormatering.Procent(0.125m).Should().Be($"12,5{Nbsp}%");
        SvenskFormatering.Procent(0.7746m).Should().Be($"77,5{Nbsp}%");
    }

    [Fact]
    public void Ett_budgetar_skrivs_som_heltal_utan_decimaler_och_utan_tusentalsmellanrum()
    {
        SvenskFormatering.Heltal(2027m).Should().Be("2027");
        SvenskFormatering.Heltal(2027.0m).Should().Be("2027");
    }

    [Fact]
    public void Ett_tal_med_decimaler_skrivs_med_decimalkomma()
    {
        SvenskFormatering.Tal(0.25m).Should().Be("0,25");
        SvenskFormatering.Tal(12.0m).Should().Be("12");
    }
}
