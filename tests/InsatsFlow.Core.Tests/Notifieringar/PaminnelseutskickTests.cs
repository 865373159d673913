using InsatsFlow.Core.Dokument;
using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Core.Tests.Dokument;

namespace InsatsFlow.Core.Tests.Notifieringar;

public sealed class PaminnelseutskickTests : IDisposable
{
    private readonly UtkorgMiljo _miljo = new();
    private readonly DokumentRenderer _renderer = Mallkatalog.Renderer(TemplateStore.LaddaFran(Mallkatalog.Repositoriets()));

    public void Dispose() => _miljo.Dispose();

    [Fact]
    public async Task En_eskalering_koas_som_html_med_amne_och_skickas_till_forbundschefen()
    {
        Guid id;
        await using (var db = _miljo.NyContext())
        {
            var utskick = new Paminnelseutskick(_renderer, _miljo.Utkorg(db));
            id = (await utskick.KoaAsync(Exempelmodeller.Paminnelse("eskalering", -2), Mottagare.Anvandare("karin.ek@sfnorraalvdalen.se"),
                dedupliceringsnyckel: "eskalering:task-42:3", processInstansId: "inst-1")).Id;
            await db.SaveChangesAsync();
        }

        await _miljo.Nod().SkickaForfallnaAsync();

        var skickat = _miljo.Sender.Skickade.Should().ContainSingle().Subject;
        skickat.Amne.Should().Be("Eskalering: Yttrande från Försäkringskassan – Steget vidare (SFNA 2026/14)");
        skickat.InnehallArHtml.Should().BeTrue();
        skickat.Innehall.Should().Contain("är 2 arbetsdagar försenad");
        skickat.Till.Should().ContainSingle().Which.Adress.Should().Be("karin.ek@sfnorraalvdalen.se");
        (await _miljo.Las(id)).Status.Should().Be(Notifieringsstatus.Skickad);
    }
}
