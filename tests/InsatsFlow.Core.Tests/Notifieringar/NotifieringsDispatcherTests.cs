using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Data.Jobs;
using InsatsFlow.Data.Notifieringar;
using InsatsFlow.Engine.Jobs;

namespace InsatsFlow.Core.Tests.Notifieringar;

public sealed class NotifieringsDispatcherTests : IDisposable
{
    private readonly UtkorgMiljo _miljo = new();

    public void Dispose() => _miljo.Dispose();

    private DateTime Nu => _miljo.Tid.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task En_forfallen_notifiering_skickas_och_markeras_som_skickad()
    {
        var id = await _miljo.KoaOchSpara(UtkorgMiljo.Paminnelse());

        var resultat = await _miljo.Nod().SkickaForfallnaAsync();

        resultat.Should().Be(new Utskicksresultat(1, 0));
        _miljo.Sender.Skickade.Should().ContainSingle().Which.Till.Should().Equal(new Epostadress("ali.hassan@forsakringskassan.se", "ali.hassan@forsakringskassan.se"));
        var rad = await _miljo.Las(id);
        rad.Status.Should().Be(Notifieringsstatus.Skickad);
        rad.SkickadUtc.Should().Be(Nu);
    }

    [Fact]
    public async Task En_notifiering_skickas_inte_fore_sin_tid()
    {
        var id = await _miljo.KoaOchSpara(UtkorgMiljo.Paminnelse(forfaller: _miljo.Tid.GetUtcNow().AddHours(2)));

        await _miljo.Nod().SkickaForfallnaAsync();
        _miljo.Sender.Skickade.Should().BeEmpty();

        _miljo.Tid.Advance(TimeSpan.FromHours(2));
        await _miljo.Nod().SkickaForfallnaAsync();
        _miljo.Sender.Skickade.Should().ContainSingle();
        (await _miljo.Las(id)).Status.Should().Be(Notifieringsstatus.Skickad);
    }

    [Fact]
    public async Task En_misslyckad_sandning_ligger_kvar_i_kon_med_forsok_och_fel()
    {
        var id = await _miljo.KoaOchSpara(UtkorgMiljo.Paminnelse());
        _miljo.Sender.Fel = new IOException("Anslutningen till e-postservern bröts");

        var resultat = await _miljo.Nod().SkickaForfallnaAsync();

        resultat.Should().Be(new Utskicksresultat(0, 1));
        var rad = await _miljo.Las(id);
        rad.Status.Should().Be(Notifieringsstatus.Koad);
        rad.Forsok.Should().Be(1);
        rad.SenasteFel.Should().Contain("IOException").And.Contain("bröts");
        rad.NastaForsokUtc.Should().Be(Nu + TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task En_misslyckad_notifiering_provas_igen_efter_vantetiden_och_gar_fram()
    {
        var id = await _miljo.KoaOchSpara(UtkorgMiljo.Paminnelse());
        _miljo.Sender.Fel = new IOException("nere");
        await _miljo.Nod().SkickaForfallnaAsync();

        _miljo.Sender.Fel = null;
        await _miljo.Nod().SkickaForfallnaAsync();
        _miljo.Sender.Skickade.Should().BeEmpty("väntetiden har inte gått");

        _miljo.Tid.Advance(TimeSpan.FromMinutes(1));
        await _miljo.Nod().SkickaForfallnaAsync();
        _miljo.Sender.Skickade.Should().ContainSingle();
        var rad = await _miljo.Las(id);
        rad.Status.Should().Be(Notifieringsstatus.Skickad);
        rad.Forsok.Should().Be(1);
    }

    [Fact]
    public async Task Vantetiden_fordubblas_for_varje_misslyckande_upp_till_taket()
    {
        _miljo.Jobb.MaxAttempts = 10;
        var id = await _miljo.KoaOchSpara(UtkorgMiljo.Paminnelse());
        _miljo.Sender.Fel = new IOException("nere");
        var vantetider = new List<TimeSpan>();
        for (var i = 0; i < 8; i++)
        {
            await _miljo.Nod().SkickaForfallnaAsync();
            var rad = await _miljo.Las(id);
            vantetider.Add(rad.NastaForsokUtc!.Value - Nu);
            _miljo.Tid.SetUtcNow(new DateTimeOffset(rad.NastaForsokUtc.Value, TimeSpan.Zero));
        }

        vantetider.Select(v => v.TotalMinutes).Should().Equal(1, 2, 4, 8, 16, 32, 60, 60);
        (await _miljo.Las(id)).Forsok.Should().Be(8);
    }

    [Fact]
    public async Task En_nod_som_dor_med_raden_i_handen_lamnar_den_till_nasta_nar_laset_gar_ut()
    {
        var id = await _miljo.KoaOchSpara(UtkorgMiljo.Paminnelse());
        await using (var db = _miljo.NyContext())
            (await new EfJobStore(db).ClaimAsync("nod-som-dog", _miljo.Tid.GetUtcNow(), 10, _miljo.Jobb.Lease, default)).Should().ContainSingle();

        await _miljo.Nod().SkickaForfallnaAsync();
        _miljo.Sender.Skickade.Should().BeEmpty("raden är låst av noden som dog");

        _miljo.Tid.Advance(_miljo.Jobb.Lease);
        await _miljo.Nod().SkickaForfallnaAsync();
        _miljo.Sender.Skickade.Should().ContainSingle();
        (await _miljo.Las(id)).Status.Should().Be(Notifieringsstatus.Skickad);
    }

    [Fact]
    public async Task En_notifiering_som_aldrig_gar_fram_blir_misslyckad_efter_sista_forsoket_och_syns()
    {
        _miljo.Jobb.MaxAttempts = 3;
        var id = await _miljo.KoaOchSpara(UtkorgMiljo.Paminnelse());
        _miljo.Sender.Fel = new IOException("Postservern vägrar");
        var nod = _miljo.Nod();
        for (var i = 0; i < 3; i++)
        {
            (await nod.SkickaForfallnaAsync()).Misslyckade.Should().Be(1);
            _miljo.Tid.Advance(_miljo.Jobb.MaxBackoff);
        }

        var rad = await _miljo.Las(id);
        rad.Status.Should().Be(Notifieringsstatus.Misslyckad);
        rad.Forsok.Should().Be(3);
        rad.SenasteFel.Should().Contain("Postservern vägrar");
        var jobb = await _miljo.JobbFor(id);
        jobb.State.Should().Be(JobState.Failed);
        jobb.Attempts.Should().Be(3);
        jobb.LastError.Should().Contain("Postservern vägrar");
        _miljo.Logg.Rader.Should().Contain(r => r.StartsWith("Error:") && r.Contains("efter 3 försök"));

        _miljo.Sender.Fel = null;
        _miljo.Tid.Advance(TimeSpan.FromDays(1));
        (await nod.SkickaForfallnaAsync()).Should().Be(new Utskicksresultat(0, 0), "ett misslyckat jobb provas inte igen av sig självt");
        _miljo.Sender.Skickade.Should().BeEmpty();
    }

    [Fact]
    public async Task En_misslyckad_notifiering_gar_fram_nar_kansliet_kor_jobbet_igen()
    {
        _miljo.Jobb.MaxAttempts = 1;
        var id = await _miljo.KoaOchSpara(UtkorgMiljo.Paminnelse());
        _miljo.Sender.Fel = new IOException("nere");
        await _miljo.Nod().SkickaForfallnaAsync();
        (await _miljo.Las(id)).Status.Should().Be(Notifieringsstatus.Misslyckad);

        _miljo.Sender.Fel = null;
        await using (var db = _miljo.NyContext())
            (await new EfJobStore(db).RetryAsync((await _miljo.JobbFor(id)).Id, _miljo.Tid.GetUtcNow(), default)).Should().BeTrue();
        await _miljo.Nod().SkickaForfallnaAsync();

        _miljo.Sender.Skickade.Should().ContainSingle();
        (await _miljo.Las(id)).Status.Should().Be(Notifieringsstatus.Skickad);
    }

    [Fact]
    public async Task Tva_noder_skickar_inte_samma_notifiering()
    {
        await _miljo.KoaOchSpara(UtkorgMiljo.Paminnelse());
        var andra = 0;
        _miljo.Sender.UnderSkick = async _ =>
        {
            // While the first dispatcher is sending, a second node runs.
            _miljo.Sender.UnderSkick = null;
            andra = (await _miljo.Nod().SkickaForfallnaAsync()).Levererade;
        };

        await _miljo.Nod().SkickaForfallnaAsync();

        andra.Should().Be(0);
        _miljo.Sender.Skickade.Should().ContainSingle();
    }

    [Fact]
    public async Task En_rad_som_en_annan_nod_hunnit_ta_hoppas_over_utan_dubbelt_utskick()
    {
        _miljo.Jobb.BatchSize = 1;
        await _miljo.KoaOchSpara(UtkorgMiljo.Paminnelse() with { Amne = "ett" });
        await _miljo.KoaOchSpara(UtkorgMiljo.Paminnelse() with { Amne = "två" });
        Utskicksresultat? andra = null;
        _miljo.Sender.UnderSkick = async _ =>
        {
            // The first dispatcher has read both rows and is sending "ett"; a second node takes "två".
            _miljo.Sender.UnderSkick = null;
            andra = await _miljo.Nod().SkickaForfallnaAsync();
        };

        var forsta = await _miljo.Nod().SkickaForfallnaAsync();

        forsta.Levererade.Should().Be(1);
        andra!.Levererade.Should().Be(1);
        _miljo.Sender.Skickade.Select(s => s.Amne).Should().BeEquivalentTo("två", "ett");
    }

    [Fact]
    public async Task En_mottagare_utan_epostadress_visas_i_loggen_i_stallet_for_att_provas_om_i_evighet()
    {
        var id = await _miljo.KoaOchSpara(UtkorgMiljo.Paminnelse(till: "beredningsgruppen") with
        {
            Mottagare = Mottagare.Grupp("beredningsgrupp"), ForbundId = Guid.CreateVersion7(),
        });

        await _miljo.Nod().SkickaForfallnaAsync();

        _miljo.Sender.Skickade.Should().BeEmpty();
        var rad = await _miljo.Las(id);
        rad.Status.Should().Be(Notifieringsstatus.Visad);
        rad.SenasteFel.Should().Contain("gruppen beredningsgrupp har ingen e-postadress");
        _miljo.Logg.Rader.Should().Contain(r => r.Contains("Påminnelse: yttrande SFNA 2026/14"));
    }

    [Fact]
    public async Task En_grupp_utan_forbund_visas_med_skalet_i_stallet_for_att_na_alla_forbunds_anvandare()
    {
        var id = await _miljo.KoaOchSpara(UtkorgMiljo.Paminnelse(till: "kansliet") with { Mottagare = Mottagare.Grupp("kansli"), ProcessInstansId = null });

        await _miljo.Nod().SkickaForfallnaAsync();

        _miljo.Sender.Skickade.Should().BeEmpty();
        var rad = await _miljo.Las(id);
        rad.Status.Should().Be(Notifieringsstatus.Visad);
        rad.SenasteFel.Should().Contain("hör inte till något förbund").And.Contain("gruppen kansli");
    }

    [Fact]
    public async Task Utan_smtp_skrivs_notifieringen_i_loggen_och_markeras_som_visad()
    {
        var id = await _miljo.KoaOchSpara(UtkorgMiljo.Paminnelse());
        var logg = new LoggFangare<LoggSender>();

        await _miljo.Nod(new LoggSender(logg)).SkickaForfallnaAsync();

        var rad = await _miljo.Las(id);
        rad.Status.Should().Be(Notifieringsstatus.Visad);
        rad.SkickadUtc.Should().Be(Nu);
        logg.Rader.Should().ContainSingle().Which.Should().Contain("ali.hassan@forsakringskassan.se")
            .And.Contain("Påminnelse: yttrande SFNA 2026/14").And.Contain("senast 20 november 2026");
    }

    [Fact]
    public async Task En_inkorgsnotifiering_levereras_utan_att_skickas()
    {
        var id = await _miljo.KoaOchSpara(UtkorgMiljo.Paminnelse() with { Kanal = Kanal.Inkorg });

        await _miljo.Nod().SkickaForfallnaAsync();

        _miljo.Sender.Skickade.Should().BeEmpty();
        (await _miljo.Las(id)).Status.Should().Be(Notifieringsstatus.Visad);
    }

    [Fact]
    public async Task De_aldsta_forfallna_skickas_forst_och_hogst_en_hamtning_at_gangen()
    {
        _miljo.Jobb.BatchSize = 2;
        var start = _miljo.Tid.GetUtcNow();
        await _miljo.KoaOchSpara(UtkorgMiljo.Paminnelse() with { Amne = "tredje", Forfaller = start.AddMinutes(-1) });
        await _miljo.KoaOchSpara(UtkorgMiljo.Paminnelse() with { Amne = "första", Forfaller = start.AddMinutes(-3) });
        await _miljo.KoaOchSpara(UtkorgMiljo.Paminnelse() with { Amne = "andra", Forfaller = start.AddMinutes(-2) });

        await _miljo.Nod().SkickaForfallnaAsync(maxBatches: 1);
        _miljo.Sender.Skickade.Select(s => s.Amne).Should().Equal("första", "andra");

        await _miljo.Nod().SkickaForfallnaAsync(maxBatches: 1);
        _miljo.Sender.Skickade.Select(s => s.Amne).Should().Equal("första", "andra", "tredje");
    }
}
