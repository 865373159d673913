using InsatsFlow.Core.Notifieringar;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Core.Tests.Notifieringar;

public sealed class NotificationOutboxTests : IDisposable
{
    private readonly UtkorgMiljo _miljo = new();

    public void Dispose() => _miljo.Dispose();

    private async Task<int> AntalIDatabasen()
    {
        await using var db = _miljo.Databas.NyContext();
        return await db.Set<Notifiering>().CountAsync();
    }

    [Fact]
    public async Task En_koad_notifiering_finns_forst_nar_anroparen_sparar()
    {
        await using var db = _miljo.NyContext();
        var rad = await _miljo.Utkorg(db).KoaAsync(UtkorgMiljo.Paminnelse());

        (await AntalIDatabasen()).Should().Be(0);
        await db.SaveChangesAsync();

        var sparad = await _miljo.Las(rad.Id);
        sparad.Status.Should().Be(Notifieringsstatus.Koad);
        sparad.MottagareId.Should().Be("ali.hassan@forsakringskassan.se");
        sparad.SkapadUtc.Should().Be(new DateTime(2026, 11, 2, 8, 0, 0, DateTimeKind.Utc));
        sparad.ForfallerUtc.Should().Be(sparad.SkapadUtc);
        sparad.Forsok.Should().Be(0);
    }

    [Fact]
    public async Task En_notifiering_i_en_aterrullad_transaktion_forsvinner_med_den()
    {
        await using var db = _miljo.NyContext();
        await using (var transaktion = await db.Database.BeginTransactionAsync())
        {
            await _miljo.Utkorg(db).KoaAsync(UtkorgMiljo.Paminnelse());
            await db.SaveChangesAsync();
            await transaktion.RollbackAsync();
        }

        (await AntalIDatabasen()).Should().Be(0);
    }

    [Fact]
    public async Task Samma_dedupliceringsnyckel_koar_bara_en_gang_aven_efter_omstart()
    {
        var forsta = await _miljo.KoaOchSpara(UtkorgMiljo.Paminnelse(nyckel: "paminnelse:task-9:1"));

        await using var db = _miljo.NyContext();
        var utkorg = _miljo.Utkorg(db);
        (await utkorg.KoaAsync(UtkorgMiljo.Paminnelse(nyckel: "paminnelse:task-9:1"))).Id.Should().Be(forsta);
        await db.SaveChangesAsync();

        (await AntalIDatabasen()).Should().Be(1);
    }

    [Fact]
    public async Task Samma_dedupliceringsnyckel_i_tva_forbund_koar_en_notifiering_i_vart()
    {
        // two förbund's processes both name "yttrande:SF 2026/012:2": the second förbund's must not be taken for the first's
        var demo = Guid.CreateVersion7();
        var nordvik = Guid.CreateVersion7();
        var forsta = await _miljo.KoaOchSpara(UtkorgMiljo.Paminnelse(nyckel: "yttrande:SF 2026/012:2") with { ForbundId = demo });
        var andra = await _miljo.KoaOchSpara(UtkorgMiljo.Paminnelse(nyckel: "yttrande:SF 2026/012:2") with { ForbundId = nordvik });
        var igen = await _miljo.KoaOchSpara(UtkorgMiljo.Paminnelse(nyckel: "yttrande:SF 2026/012:2") with { ForbundId = nordvik });

        andra.Should().NotBe(forsta);
        igen.Should().Be(andra);
        (await _miljo.Las(forsta)).ForbundId.Should().Be(demo);
        (await _miljo.Las(andra)).ForbundId.Should().Be(nordvik);
        (await AntalIDatabasen()).Should().Be(2);
    }

    [Fact]
    public async Task Samma_dedupliceringsnyckel_tva_ganger_i_ett_steg_ger_en_rad()
    {
        await using var db = _miljo.NyContext();
        var utkorg = _miljo.Utkorg(db);
        var a = await utkorg.KoaAsync(UtkorgMiljo.Paminnelse(nyckel: "eskalering:task-3:2"));
        var b = await utkorg.KoaAsync(UtkorgMiljo.Paminnelse(nyckel: "eskalering:task-3:2"));
        await db.SaveChangesAsync();

        b.Should().BeSameAs(a);
        (await AntalIDatabasen()).Should().Be(1);
    }

    [Fact]
    public async Task En_notifiering_utan_amne_avvisas_med_faltet_namngivet_och_inget_koas()
    {
        await using var db = _miljo.NyContext();
        var utan = UtkorgMiljo.Paminnelse() with { Amne = " " };

        await FluentActions.Awaiting(() => _miljo.Utkorg(db).KoaAsync(utan))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*ämne*Amne*");
        db.ChangeTracker.Entries().Should().BeEmpty();
    }

    [Fact]
    public async Task En_notifiering_utan_mottagare_avvisas()
    {
        await using var db = _miljo.NyContext();
        await FluentActions.Awaiting(() => _miljo.Utkorg(db).KoaAsync(UtkorgMiljo.Paminnelse(till: "")))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*mottagare*");
    }
}
