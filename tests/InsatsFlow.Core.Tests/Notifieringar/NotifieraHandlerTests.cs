using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Engine;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Tests.Notifieringar;

public sealed class NotifieraHandlerTests : IDisposable
{
    private readonly UtkorgMiljo _miljo = new();

    public void Dispose() => _miljo.Dispose();

    private static ServiceTaskContext Steg(Dictionary<string, string> egenskaper) => new(
        "inst-3", "insats-livscykel", "SFNA 2026/14", "Meddela_beredningsgruppen",
        new Dictionary<string, object?> { ["diarienummer"] = "SFNA 2026/14", ["omgang"] = 2 }, egenskaper, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task Serviceuppgiften_koar_en_notifiering_till_gruppen_med_variabler_ifyllda()
    {
        await using var db = _miljo.NyContext();
        var handler = new NotifieraHandler(_miljo.Utkorg(db));

        var variabler = await handler.ExecuteAsync(Steg(new()
        {
            ["mottagare"] = "grupp:beredningsgrupp",
            ["amne"] = "Ny ansökan att yttra sig över ({diarienummer})",
            ["text"] = "Ansökan {diarienummer} väntar på yttrande.",
            ["nyckel"] = "yttrande:{diarienummer}:{omgang}",
        }), CancellationToken.None);
        await db.SaveChangesAsync();

        var rad = await _miljo.Las(Guid.Parse((string)variabler!["notifieringId"]!));
        rad.Mottagare.Should().Be(Mottagare.Grupp("beredningsgrupp"));
        rad.Amne.Should().Be("Ny ansökan att yttra sig över (SFNA 2026/14)");
        rad.Dedupliceringsnyckel.Should().Be("yttrande:SFNA 2026/14:2");
        rad.ProcessInstansId.Should().Be("inst-3");
        rad.Kanal.Should().Be(Kanal.Epost);
    }

    [Fact]
    public async Task En_mottagare_utan_grupp_eller_anvandare_avvisas_med_elementet_namngivet()
    {
        await using var db = _miljo.NyContext();
        var handler = new NotifieraHandler(_miljo.Utkorg(db));

        await FluentActions.Awaiting(() => handler.ExecuteAsync(Steg(new() { ["mottagare"] = "beredningsgrupp", ["amne"] = "a", ["text"] = "b" }), CancellationToken.None))
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("*Meddela_beredningsgruppen*grupp:<grupp>*");
        db.ChangeTracker.Entries().Should().BeEmpty();
    }

    [Fact]
    public async Task En_saknad_variabel_namnges_i_felet()
    {
        await using var db = _miljo.NyContext();
        var handler = new NotifieraHandler(_miljo.Utkorg(db));

        await FluentActions.Awaiting(() => handler.ExecuteAsync(Steg(new() { ["mottagare"] = "anvandare:{handlaggare}", ["amne"] = "a", ["text"] = "b" }), CancellationToken.None))
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("*variabeln handlaggare finns inte*");
    }

    [Fact]
    public async Task En_saknad_text_namnges_i_felet()
    {
        await using var db = _miljo.NyContext();
        var handler = new NotifieraHandler(_miljo.Utkorg(db));

        await FluentActions.Awaiting(() => handler.ExecuteAsync(Steg(new() { ["mottagare"] = "grupp:styrelse", ["amne"] = "a" }), CancellationToken.None))
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("*saknar egenskapen text*");
    }

    [Fact]
    public async Task Budgetaret_och_belopp_skrivs_som_svenska_tal_i_notifieringen()
    {
        await using var db = _miljo.NyContext();
        var handler = new NotifieraHandler(_miljo.Utkorg(db));
        var steg = new ServiceTaskContext("inst-4", "budgetprocess", "budget-2027", "Meddela_kansliet",
            new Dictionary<string, object?> { ["budgetar"] = 2027.0m, ["andel"] = 0.25m }, new Dictionary<string, string>
            {
                ["mottagare"] = "grupp:kansli", ["amne"] = "Budget {budgetar}", ["text"] = "Andelen är {andel}.",
            }, DateTimeOffset.UnixEpoch);

        var variabler = await handler.ExecuteAsync(steg, CancellationToken.None);
        await db.SaveChangesAsync();

        var rad = await _miljo.Las(Guid.Parse((string)variabler!["notifieringId"]!));
        rad.Amne.Should().Be("Budget 2027");
        rad.Innehall.Should().Be("Andelen är 0,25.");
    }
}
