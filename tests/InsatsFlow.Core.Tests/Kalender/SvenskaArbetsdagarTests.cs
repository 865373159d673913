using InsatsFlow.Core.Kalender;

namespace InsatsFlow.Core.Tests.Kalender;

public sealed class SvenskaArbetsdagarTests
{
    private readonly SvenskaArbetsdagar _kalender = new();

    private static DateOnly D(int ar, int manad, int dag) => new(ar, manad, dag);

    [Fact]
    public void En_arbetsdag_efter_en_fredag_ar_mandagen()
    {
        _kalender.LaggTillArbetsdagar(D(2026, 11, 27), 1).Should().Be(D(2026, 11, 30));
    }

    [Fact]
    public void Noll_arbetsdagar_lamnar_datumet_orort()
    {
        _kalender.LaggTillArbetsdagar(D(2026, 11, 28), 0).Should().Be(D(2026, 11, 28));
    }

    [Fact]
    public void Tio_arbetsdagar_ar_tva_kalenderveckor_utan_helgdagar()
    {
        _kalender.LaggTillArbetsdagar(D(2026, 9, 7), 10).Should().Be(D(2026, 9, 21));
    }

    [Fact]
    public void Midsommarafton_raknas_inte_som_arbetsdag()
    {
        // Midsommarafton 2026 is Friday 19 June.
        _kalender.ArArbetsdag(D(2026, 6, 19)).Should().BeFalse();
        _kalender.LaggTillArbetsdagar(D(2026, 6, 18), 1).Should().Be(D(2026, 6, 22));
    }

    [Fact]
    public void Julafton_juldagen_och_annandagen_hoppas_over()
    {
        // 2026: julafton Thursday, juldagen Friday, annandag jul Saturday.
        _kalender.LaggTillArbetsdagar(D(2026, 12, 23), 1).Should().Be(D(2026, 12, 28));
    }

    [Fact]
    public void Langfredagen_och_annandag_pask_hoppas_over()
    {
        // Påskdagen 2026 is 5 April.
        _kalender.LaggTillArbetsdagar(D(2026, 4, 2), 1).Should().Be(D(2026, 4, 7));
    }

    [Fact]
    public void Nyarsafton_nyarsdagen_och_trettondagen_hoppas_over_over_arsskiftet()
    {
        // Nyårsafton 2026 Thursday, nyårsdagen Friday, trettondedag jul 2027 Wednesday.
        _kalender.LaggTillArbetsdagar(D(2026, 12, 30), 1).Should().Be(D(2027, 1, 4));
        _kalender.LaggTillArbetsdagar(D(2026, 12, 30), 3).Should().Be(D(2027, 1, 7));
    }

    [Fact]
    public void Kristi_himmelsfardsdag_hoppas_over()
    {
        _kalender.ArArbetsdag(D(2026, 5, 14)).Should().BeFalse();
    }

    [Fact]
    public void De_facto_helgdagarna_ar_markta_som_sadana()
    {
        _kalender.Helgdagar(2026).Where(h => h.DeFacto).Select(h => h.Datum)
            .Should().Equal(D(2026, 6, 19), D(2026, 12, 24), D(2026, 12, 31));
    }

    [Fact]
    public void Ett_negativt_antal_arbetsdagar_avvisas_med_ett_tydligt_meddelande()
    {
        var handling = () => _kalender.LaggTillArbetsdagar(D(2026, 1, 12), -3);
        handling.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*negativt (-3)*");
    }

    [Fact]
    public void Ett_negativt_antal_arbetsdagar_avvisas_aven_for_en_tidpunkt()
    {
        var handling = () => _kalender.LaggTillArbetsdagar(DateTimeOffset.UnixEpoch, -1);
        handling.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Ett_orimligt_stort_antal_arbetsdagar_avvisas_i_stallet_for_att_raknas()
    {
        var handling = () => _kalender.LaggTillArbetsdagar(D(2026, 1, 12), int.MaxValue);
        handling.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*orimligt stort*");
    }

    [Fact]
    public void Rakna_arbetsdagar_ar_inversen_till_att_lagga_till()
    {
        var start = D(2026, 12, 18);
        var slut = _kalender.LaggTillArbetsdagar(start, 12);
        _kalender.RaknaArbetsdagar(start, slut).Should().Be(12);
    }

    [Fact]
    public void Sommartidens_borjan_i_mars_flyttar_inte_klockslaget_for_en_frist()
    {
        // Friday 27 March 2026 09:00 CET (08:00 UTC); summer time starts Sunday 29 March.
        var start = new DateTimeOffset(2026, 3, 27, 8, 0, 0, TimeSpan.Zero);
        var frist = _kalender.LaggTillArbetsdagar(start, 1);
        frist.Should().Be(new DateTimeOffset(2026, 3, 30, 7, 0, 0, TimeSpan.Zero)); // Monday 09:00 CEST
        frist.Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Sommartidens_slut_i_oktober_flyttar_inte_klockslaget_for_en_frist()
    {
        // Friday 23 October 2026 09:00 CEST (07:00 UTC); summer time ends Sunday 25 October.
        var start = new DateTimeOffset(2026, 10, 23, 7, 0, 0, TimeSpan.Zero);
        _kalender.LaggTillArbetsdagar(start, 1).Should().Be(new DateTimeOffset(2026, 10, 26, 8, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void En_start_natten_da_klockan_stalls_fram_raknas_fran_det_svenska_datumet()
    {
        // Sunday 29 March 2026 01:30 CET = 00:30 UTC, before the clocks go forward at 02:00.
        var start = new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero);
        _kalender.LaggTillArbetsdagar(start, 1).Should().Be(new DateTimeOffset(2026, 3, 29, 23, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Datumet_ar_det_svenska_och_inte_utc_datumet()
    {
        // 23:30 UTC on Thursday is already Friday 00:30 in Stockholm; one working day later is Monday.
        var start = new DateTimeOffset(2026, 3, 26, 23, 30, 0, TimeSpan.Zero);
        _kalender.LaggTillArbetsdagar(start, 1).Should().Be(new DateTimeOffset(2026, 3, 29, 22, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public void En_lokal_tid_i_varens_tidsglapp_flyttas_fram_en_timme()
    {
        SvenskaArbetsdagar.TillUtc(new DateTime(2026, 3, 29, 2, 30, 0))
            .Should().Be(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public void En_tvetydig_lokal_tid_pa_hosten_tolkas_som_sommartid()
    {
        SvenskaArbetsdagar.TillUtc(new DateTime(2026, 10, 25, 2, 30, 0))
            .Should().Be(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero));
    }
}
