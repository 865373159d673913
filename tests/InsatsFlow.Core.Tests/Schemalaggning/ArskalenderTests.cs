using InsatsFlow.Core.Kalender;
using InsatsFlow.Core.Schemalaggning;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace InsatsFlow.Core.Tests.Schemalaggning;

public class ArskalenderTests
{
    // the same expressions as src/InsatsFlow.Web/appsettings.json
    private static ArskalenderOptions Installningar() => new()
    {
        Handelser = new()
        {
            ["StartaBudgetprocess"] = "0 0 8 1 8 ?",
            ["Samradspaminnelse"] = "0 0 8 1 9,10 ?",
            ["BudgetEjAntagen"] = "0 0 8 1,15,25 11 ?",
            ["Budgetbrott"] = "0 0 8 1 12 ?",
            ["Arsredovisningspaminnelse"] = "0 0 8 1,15 3 ?",
        },
        Kansli = "grupp:kansli",
        Styrelse = "grupp:styrelse",
        Forbundschef = "grupp:forbundschef",
    };

    private static readonly Arskalender Kalender = Arskalender.Las(Installningar());
    private static readonly DateTimeOffset Arsskifte = SvenskaArbetsdagar.TillUtc(new DateTime(2026, 1, 1));
    private static readonly DateTimeOffset NastaArsskifte = SvenskaArbetsdagar.TillUtc(new DateTime(2027, 1, 1));

    private static IEnumerable<DateTime> Lokalt(IEnumerable<DateTimeOffset> tider) =>
        tider.Select(t => TimeZoneInfo.ConvertTime(t, SvenskaArbetsdagar.Stockholm).DateTime);

    [Fact]
    public void Eskaleringen_nar_budgeten_inte_ar_antagen_sker_1_15_och_25_november_klockan_atta_svensk_tid()
    {
        var tider = Kalender.Tidpunkter(Arshandelse.BudgetEjAntagen, Arsskifte, NastaArsskifte);
        Lokalt(tider).Should().Equal(new DateTime(2026, 11, 1, 8, 0, 0), new DateTime(2026, 11, 15, 8, 0, 0), new DateTime(2026, 11, 25, 8, 0, 0));
        tider[0].Should().Be(new DateTimeOffset(2026, 11, 1, 7, 0, 0, TimeSpan.Zero)); // normaltid, UTC+1
    }

    [Fact]
    public void Brottet_mot_30_novemberregeln_flaggas_1_december()
    {
        Kalender.Tidpunkter(Arshandelse.Budgetbrott, Arsskifte, NastaArsskifte)
            .Should().Equal(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Budgetprocessen_startar_1_augusti_klockan_atta_sommartid()
    {
        Kalender.Tidpunkter(Arshandelse.StartaBudgetprocess, Arsskifte, NastaArsskifte)
            .Should().Equal(new DateTimeOffset(2026, 8, 1, 6, 0, 0, TimeSpan.Zero)); // sommartid, UTC+2
    }

    [Fact]
    public void Arsredovisningen_paminns_1_och_15_mars_fore_31_mars()
    {
        Lokalt(Kalender.Tidpunkter(Arshandelse.Arsredovisningspaminnelse, Arsskifte, NastaArsskifte))
            .Should().Equal(new DateTime(2026, 3, 1, 8, 0, 0), new DateTime(2026, 3, 15, 8, 0, 0));
    }

    [Fact]
    public void Quartz_triggern_foljer_samma_schema_i_stockholmstid()
    {
        var tid = new FakeTimeProvider(new DateTimeOffset(2026, 10, 20, 12, 0, 0, TimeSpan.Zero));
        var trigger = Kalender.Trigger(Arshandelse.BudgetEjAntagen, new JobKey("j"), tid);
        trigger.GetFireTimeAfter(tid.GetUtcNow()).Should().Be(new DateTimeOffset(2026, 11, 1, 7, 0, 0, TimeSpan.Zero));
        ((ICronTrigger)trigger).TimeZone.Should().Be(SvenskaArbetsdagar.Stockholm);
    }

    [Fact]
    public void Ett_cronuttryck_som_inte_gar_att_tolka_avvisas_med_installningen_namngiven()
    {
        var installningar = Installningar();
        installningar.Handelser["BudgetEjAntagen"] = "0 0 8 32 11 ?";
        var fel = FluentActions.Invoking(() => Arskalender.Las(installningar)).Should().Throw<SchemaKonfigurationsfel>().Which;
        fel.Installning.Should().Be("InsatsFlow:Arskalender:Handelser:BudgetEjAntagen");
        fel.Message.Should().Contain("0 0 8 32 11 ?");
    }

    [Fact]
    public void En_okand_handelse_i_arskalendern_avvisas_med_namnet()
    {
        var installningar = Installningar();
        installningar.Handelser["Midsommarfest"] = "0 0 8 1 6 ?";
        FluentActions.Invoking(() => Arskalender.Las(installningar)).Should().Throw<SchemaKonfigurationsfel>()
            .Which.Installning.Should().Be("InsatsFlow:Arskalender:Handelser:Midsommarfest");
    }

    [Fact]
    public void En_mottagare_som_inte_gar_att_lasa_avvisas_med_installningen_namngiven()
    {
        var installningar = Installningar();
        installningar.Styrelse = "styrelsen";
        FluentActions.Invoking(() => Arskalender.Las(installningar)).Should().Throw<SchemaKonfigurationsfel>()
            .Which.Installning.Should().Be("InsatsFlow:Arskalender:Styrelse");
    }
}
