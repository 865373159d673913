using InsatsFlow.Core.Kalender;
using InsatsFlow.Core.Schemalaggning;

namespace InsatsFlow.Core.Tests.Schemalaggning;

public class FristkedjaTests
{
    private static readonly Fristkedja Kedja = new(new SvenskaArbetsdagar(),
        new FristpolicyOptions { PaminnelseArbetsdagarFore = 2, EskaleringArbetsdagarEfter = 2, Forbundschef = "grupp:forbundschef" });

    private static DateTimeOffset Stockholm(int ar, int manad, int dag, int timme = 9) =>
        SvenskaArbetsdagar.TillUtc(new DateTime(ar, manad, dag, timme, 0, 0));

    private static DateTime Lokal(DateTimeOffset tid) => TimeZoneInfo.ConvertTime(tid, SvenskaArbetsdagar.Stockholm).DateTime;

    [Fact]
    public void Kedjan_ar_paminnelse_fore_pa_fristen_och_sedan_eskalering_i_den_ordningen()
    {
        var steg = Kedja.Berakna(Stockholm(2026, 9, 16));
        steg.Select(s => s.Steg).Should().Equal(Friststeg.PaminnelseFore, Friststeg.PaminnelsePaFristen, Friststeg.Eskalering);
        steg.Select(s => Lokal(s.Tid)).Should().Equal(new DateTime(2026, 9, 14, 9, 0, 0), new DateTime(2026, 9, 16, 9, 0, 0), new DateTime(2026, 9, 18, 9, 0, 0));
    }

    [Fact]
    public void Paskens_helgdagar_raknas_inte_fore_eller_efter_fristen()
    {
        // 2027: långfredag 26 mars, annandag påsk 29 mars
        var steg = Kedja.Berakna(Stockholm(2027, 3, 30));
        Lokal(steg[0].Tid).Should().Be(new DateTime(2027, 3, 24, 9, 0, 0));
        Lokal(steg[2].Tid).Should().Be(new DateTime(2027, 4, 1, 9, 0, 0));
    }

    [Fact]
    public void Midsommarafton_ar_ingen_arbetsdag_for_eskaleringen()
    {
        // 2026: midsommarafton fredag 19 juni
        Lokal(Kedja.Berakna(Stockholm(2026, 6, 18))[2].Tid).Should().Be(new DateTime(2026, 6, 23, 9, 0, 0));
    }

    [Fact]
    public void Julafton_juldagen_och_annandagen_hoppas_over()
    {
        Lokal(Kedja.Berakna(Stockholm(2026, 12, 23))[2].Tid).Should().Be(new DateTime(2026, 12, 29, 9, 0, 0));
        Lokal(Kedja.Berakna(Stockholm(2026, 12, 28))[0].Tid).Should().Be(new DateTime(2026, 12, 22, 9, 0, 0));
    }

    [Fact]
    public void Overgangen_till_sommartid_i_mars_flyttar_inget_steg_fran_klockan_nio()
    {
        // sommartid från söndag 29 mars 2026
        var steg = Kedja.Berakna(Stockholm(2026, 3, 31));
        steg.Select(s => Lokal(s.Tid).Hour).Should().AllBeEquivalentTo(9);
        steg[0].Tid.Should().Be(new DateTimeOffset(2026, 3, 27, 8, 0, 0, TimeSpan.Zero));
        steg[1].Tid.Should().Be(new DateTimeOffset(2026, 3, 31, 7, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Overgangen_till_normaltid_i_oktober_flyttar_inget_steg_fran_klockan_nio()
    {
        // normaltid från söndag 25 oktober 2026
        var steg = Kedja.Berakna(Stockholm(2026, 10, 26));
        steg.Select(s => Lokal(s.Tid).Hour).Should().AllBeEquivalentTo(9);
        steg[0].Tid.Should().Be(new DateTimeOffset(2026, 10, 22, 7, 0, 0, TimeSpan.Zero));
        steg[2].Tid.Should().Be(new DateTimeOffset(2026, 10, 28, 8, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Ett_negativt_antal_arbetsdagar_i_policyn_avvisas_med_installningen_namngiven()
    {
        var policy = new FristpolicyOptions { PaminnelseArbetsdagarFore = -1, EskaleringArbetsdagarEfter = 2, Forbundschef = "grupp:forbundschef" };
        policy.Invoking(p => p.Validera()).Should().Throw<SchemaKonfigurationsfel>()
            .Which.Installning.Should().Be("InsatsFlow:Fristpolicy:PaminnelseArbetsdagarFore");
    }

    [Fact]
    public void En_forbundschef_som_inte_gar_att_lasa_avvisas_med_installningen_namngiven()
    {
        var policy = new FristpolicyOptions { PaminnelseArbetsdagarFore = 2, EskaleringArbetsdagarEfter = 2, Forbundschef = "karin" };
        policy.Invoking(p => p.Validera()).Should().Throw<SchemaKonfigurationsfel>()
            .Which.Installning.Should().Be("InsatsFlow:Fristpolicy:Forbundschef");
    }

    [Fact]
    public void Nyckeln_ar_per_uppgift_steg_och_frist_sa_en_flyttad_frist_far_en_ny_kedja()
    {
        var frist = Stockholm(2026, 9, 16);
        Fristkedja.Dedupliceringsnyckel("u1", Friststeg.Eskalering, frist)
            .Should().NotBe(Fristkedja.Dedupliceringsnyckel("u1", Friststeg.Eskalering, frist.AddDays(1)))
            .And.NotBe(Fristkedja.Dedupliceringsnyckel("u1", Friststeg.PaminnelseFore, frist));
    }
}
