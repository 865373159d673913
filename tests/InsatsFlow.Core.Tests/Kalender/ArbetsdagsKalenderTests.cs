using InsatsFlow.Core.Kalender;

namespace InsatsFlow.Core.Tests.Kalender;

public sealed class ArbetsdagsKalenderTests
{
    private readonly Quartz.ICalendar _kalender = ArbetsdagsKalender.Skapa(new SvenskaArbetsdagar(), 2026, 2027);

    private static DateTimeOffset StockholmKl12(int ar, int manad, int dag) =>
        SvenskaArbetsdagar.TillUtc(new DateTime(ar, manad, dag, 12, 0, 0));

    [Fact]
    public void Quartz_kalendern_later_ett_jobb_ga_en_vanlig_mandag()
    {
        _kalender.IsTimeIncluded(StockholmKl12(2026, 6, 22)).Should().BeTrue();
    }

    [Fact]
    public void Quartz_kalendern_utesluter_midsommarafton_och_helger()
    {
        _kalender.IsTimeIncluded(StockholmKl12(2026, 6, 19)).Should().BeFalse();
        _kalender.IsTimeIncluded(StockholmKl12(2026, 6, 20)).Should().BeFalse();
    }

    [Fact]
    public void Quartz_kalendern_utesluter_julafton_aret_darpa_ocksa()
    {
        _kalender.IsTimeIncluded(StockholmKl12(2027, 12, 24)).Should().BeFalse();
    }

    [Fact]
    public void Quartz_kalenderns_nasta_tillatna_tid_efter_langfredagen_ar_tisdagen_efter_pask()
    {
        var nasta = _kalender.GetNextIncludedTimeUtc(StockholmKl12(2026, 4, 3));
        TimeZoneInfo.ConvertTime(nasta, SvenskaArbetsdagar.Stockholm).Date.Should().Be(new DateTime(2026, 4, 7));
    }

    [Fact]
    public void Ett_omvant_arsintervall_avvisas()
    {
        var handling = () => ArbetsdagsKalender.Skapa(new SvenskaArbetsdagar(), 2027, 2026);
        handling.Should().Throw<ArgumentException>().WithMessage("*2027–2026*");
    }
}
