using InsatsFlow.Core.Dokument;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Notifieringar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Core.Tests.Livscykel;

public sealed class GenomforandeTests : IDisposable
{
    private readonly Livscykelmiljo miljo = new();

    [Fact]
    public async Task En_forsenad_uppfoljning_paminner_kontaktpersonen_och_eskaleras_till_forbundschefen()
    {
        var (insatsId, instans) = await miljo.TillGenomforandeAsync();
        await miljo.TillNastaTimerAsync(instans);
        var uppgift = await miljo.Harness.TaskAsync(instans, "Activity_uppfoljningsrapport");

        await miljo.TillNastaTimerAsync(instans);
        await miljo.TillNastaTimerAsync(instans);

        var notiser = await miljo.Harness.WithDbAsync(db => db.Set<Notifiering>().AsNoTracking().Where(n => n.ProcessInstansId == instans).ToListAsync());
        notiser.Select(n => n.Mottagare).Should().BeEquivalentTo([Mottagare.Anvandare("karin.strom@norrby.se"), Mottagare.Grupp("forbundschef")]);
        notiser.Should().OnlyContain(n => n.Status == Notifieringsstatus.Koad && n.Innehall.Contains("SF 2026/001") && n.Innehall.Contains("Rapportera uppföljning"));
        (await miljo.OppnaAsync(instans)).Should().Equal("Activity_uppfoljningsrapport");
        miljo.Harness.Clock.GetUtcNow().Should().BeAfter(uppgift.DueAt!.Value);
        await miljo.FasenArAsync(insatsId, InsatsFas.Genomforande);
    }

    [Fact]
    public async Task Styrelsebeslutets_dokument_bar_diarienummer_belopp_och_datum_i_svensk_form()
    {
        var (insatsId, instans) = await miljo.TillAnsokanAsync();
        await miljo.TillStyrelsebeslutAsync(insatsId, instans);
        miljo.Harness.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero));

        await miljo.KlarAsync(instans, "Activity_styrelsebeslut", Formular.Styrelsebeslut(datum: "2026-11-30", paragraf: 87));

        using var scope = miljo.Harness.Services.CreateScope();
        var dokument = await scope.ServiceProvider.GetRequiredService<IDokumentarkiv>().ListaForInstansAsync(instans);
        dokument.Select(d => d.Typ).Should().BeEquivalentTo([Dokumenttyp.Tjansteskrivelse, Dokumenttyp.Protokollsutdrag, Dokumenttyp.Beslutsbrev]);
        string Text(Dokumenttyp typ) => dokument.Single(d => d.Typ == typ).Html.Replace(SvenskFormatering.HardtMellanslag, ' ');
        Text(Dokumenttyp.Tjansteskrivelse).Should().Contain("SF 2026/001").And.Contain("1 250 000 kr").And.Contain("625 000 kr")
            .And.Contain("Försäkringskassan").And.Contain("Medlemmen ställer sig bakom ansökan.").And.Contain("1 juli 2026");
        Text(Dokumenttyp.Protokollsutdrag).Should().Contain("SF 2026/001").And.Contain("§ 87").And.Contain("Anna Lindqvist").And.Contain("2026-11-30");
        Text(Dokumenttyp.Beslutsbrev).Should().Contain("SF 2026/001").And.Contain("30 november 2026").And.Contain("1 250 000 kr")
            .And.Contain("30 juni 2028").And.Contain("Karin Ström");
        dokument.Should().OnlyContain(d => d.Affarsnyckel == insatsId.ToString() && d.MallSha256.Length == 64);
    }

    public void Dispose() => miljo.Dispose();
}
