using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Data.Notifieringar;

namespace InsatsFlow.Core.Tests.Notifieringar;

public sealed class NotifieringsoversiktTests : IDisposable
{
    private readonly UtkorgMiljo _miljo = new();

    public void Dispose() => _miljo.Dispose();

    private Notifieringsoversikt Oversikt() => new(_miljo.NyContext());

    [Fact]
    public async Task En_anvandare_ser_sina_egna_och_sina_gruppers_notifieringar_nyast_forst()
    {
        var start = _miljo.Tid.GetUtcNow();
        await _miljo.KoaOchSpara(UtkorgMiljo.Paminnelse(till: "ali") with { Amne = "egen", Forfaller = start.AddMinutes(-2) });
        await _miljo.KoaOchSpara(UtkorgMiljo.Paminnelse() with { Mottagare = Mottagare.Grupp("beredningsgrupp"), Amne = "gruppens", Forfaller = start.AddMinutes(-1) });
        await _miljo.KoaOchSpara(UtkorgMiljo.Paminnelse(till: "eva") with { Amne = "någon annans" });
        await _miljo.KoaOchSpara(UtkorgMiljo.Paminnelse() with { Mottagare = Mottagare.Grupp("styrelse"), Amne = "annan grupp" });

        var lista = await Oversikt().ForMottagareAsync([Mottagare.Anvandare("ali"), Mottagare.Grupp("beredningsgrupp")]);

        lista.Select(n => n.Amne).Should().Equal("gruppens", "egen");
    }

    [Fact]
    public async Task Kon_visar_det_som_vantar_med_forsok_och_senaste_fel()
    {
        var misslyckad = await _miljo.KoaOchSpara(UtkorgMiljo.Paminnelse() with { Amne = "misslyckad" });
        _miljo.Sender.Fel = new IOException("Servern svarar inte");
        await _miljo.Nod().SkickaForfallnaAsync();
        _miljo.Sender.Fel = null;
        await _miljo.KoaOchSpara(UtkorgMiljo.Paminnelse() with { Amne = "senare", Forfaller = _miljo.Tid.GetUtcNow().AddDays(1) });

        var kon = await Oversikt().KoadeAsync();

        kon.Select(n => n.Amne).Should().Equal("misslyckad", "senare");
        kon[0].Id.Should().Be(misslyckad);
        kon[0].Forsok.Should().Be(1);
        kon[0].SenasteFel.Should().Contain("Servern svarar inte");
    }
}
