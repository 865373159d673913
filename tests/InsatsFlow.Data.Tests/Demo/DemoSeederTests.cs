using InsatsFlow.Core.Domain;
using InsatsFlow.Data.Demo;
using InsatsFlow.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace InsatsFlow.Data.Tests.Demo;

public sealed class DemoSeederTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Demoforbundet_laggs_in_med_medlemmar_styrelse_budget_och_tio_insatser(DatabaseProvider databas)
    {
        await using var database = await TestDatabase.CreateAsync(databas);
        await using (var db = database.NewContext())
            (await new DemoSeeder(db, clock).SeedAsync()).Should().BeTrue();

        await using var read = database.NewContext();
        var forbund = await read.Forbund.SingleAsync();
        forbund.Namn.Should().Be("Samordningsförbundet Demo");
        forbund.Medlemmar.Select(m => m.Typ).Should().BeEquivalentTo(
            [MedlemsTyp.Forsakringskassan, MedlemsTyp.Arbetsformedlingen, MedlemsTyp.Region, MedlemsTyp.Kommun, MedlemsTyp.Kommun]);
        var idag = new DateOnly(2026, 11, 25);
        var styrelse = await read.Styrelser.SingleAsync(s => s.MandatperiodFran <= idag && s.MandatperiodTill >= idag);
        styrelse.Ledamoter.Should().Contain(l => l.Roll == Styrelseroll.Ledamot).And.Contain(l => l.Roll == Styrelseroll.Ersattare);
        (await read.Arsbudgetar.Select(b => b.Ar).ToListAsync()).Should().Contain(2027);
        var insatser = await read.Insatser.ToListAsync();
        insatser.Select(i => i.Titel).Should().Contain(["Hälsodisken", "SANNA", "Navigatorcenter", "Unga vuxna – psykologsamtal"]).And.HaveCount(10);
        insatser.Select(i => i.Fas).Distinct().Should().HaveCountGreaterThanOrEqualTo(6, "the demo spreads insatser over the phases");
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Andra_starten_lagger_inte_in_nagot_nytt(DatabaseProvider databas)
    {
        await using var database = await TestDatabase.CreateAsync(databas);
        await using (var db = database.NewContext())
            await new DemoSeeder(db, clock).SeedAsync();

        await using (var db = database.NewContext())
            (await new DemoSeeder(db, clock).SeedAsync()).Should().BeFalse();

        await using var read = database.NewContext();
        (await read.Forbund.CountAsync()).Should().Be(1);
        (await read.Insatser.CountAsync()).Should().Be(10);
        (await read.Arsbudgetar.CountAsync()).Should().Be(7);
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Varje_styrelsebeslut_i_demon_fattades_av_en_styrelse_som_hade_mandat_da(DatabaseProvider databas)
    {
        await using var database = await TestDatabase.CreateAsync(databas);
        await using (var db = database.NewContext())
        {
            await new DemoSeeder(db, clock).SeedAsync();
            await new DemoSeeder(db, clock).SeedNordvikAsync();
        }

        await using var read = database.NewContext();
        var styrelser = await read.Styrelser.ToListAsync();
        var beslut = (await read.Insatser.ToListAsync()).SelectMany(i => i.Beslut.Where(b => b.Paragraf != null).Select(b => (i.ForbundId, i.Titel, b.Datum))).ToList();
        beslut.Should().Contain(b => b.Titel == "SANNA" && b.Datum.Year == 2021, "SANNA was granted in 2021, by the board of 2019–2023");
        foreach (var (forbund, titel, datum) in beslut)
            styrelser.Should().ContainSingle(s => s.ForbundId == forbund && s.MandatperiodFran <= datum && s.MandatperiodTill >= datum, $"{titel} beslutades {datum}");
    }
}
