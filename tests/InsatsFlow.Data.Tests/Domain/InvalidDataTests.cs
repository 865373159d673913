using InsatsFlow.Core.Domain;
using InsatsFlow.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Data.Tests.Domain;

public sealed class InvalidDataTests
{
    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Ett_negativt_belopp_avvisas_med_faltet_namngivet_och_inget_sparas(DatabaseProvider databas)
    {
        await using var database = await TestDatabase.CreateAsync(databas);
        var forbund = Exempel.Forbund();
        var insats = Exempel.Insats(forbund);
        insats.Budgetrader.Add(new() { Kostnadstyp = "personal", Ar = 2027, Belopp = -5m });

        var fel = await SaveExpectingRefusal(database, forbund, insats);

        fel.Should().ContainSingle(f => f.Falt == "Insats.Budgetrader[0].Belopp");
        await ShouldBeEmpty(database);
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task En_period_som_slutar_innan_den_borjar_avvisas(DatabaseProvider databas)
    {
        await using var database = await TestDatabase.CreateAsync(databas);
        var forbund = Exempel.Forbund();
        var insats = Exempel.Insats(forbund);
        insats.PeriodSlut = insats.PeriodStart!.Value.AddDays(-1);

        var fel = await SaveExpectingRefusal(database, forbund, insats);

        fel.Should().ContainSingle(f => f.Falt == "Insats.PeriodSlut");
        await ShouldBeEmpty(database);
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task En_okand_medlem_avvisas_och_inget_sparas(DatabaseProvider databas)
    {
        await using var database = await TestDatabase.CreateAsync(databas);
        var forbund = Exempel.Forbund();
        var insats = Exempel.Insats(forbund);
        insats.InvolveraMedlem(Guid.NewGuid());

        var fel = await SaveExpectingRefusal(database, forbund, insats);

        fel.Should().ContainSingle(f => f.Falt == "Insats.InvolveradeMedlemmar[2]").Which.Meddelande.Should().Contain("Okänd medlem");
        await ShouldBeEmpty(database);
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task En_medlem_i_ett_annat_forbund_raknas_som_okand(DatabaseProvider databas)
    {
        await using var database = await TestDatabase.CreateAsync(databas);
        var forbund = Exempel.Forbund();
        var annat = Exempel.Forbund("222000-0002");
        await using (var db = database.NewContext())
        {
            db.Forbund.AddRange(forbund, annat);
            await db.SaveChangesAsync();
        }
        var insats = Exempel.Insats(forbund);
        insats.InvolveraMedlem(annat.Medlemmar[3].Id);

        await using var write = database.NewContext();
        write.Insatser.Add(insats);
        var act = () => write.SaveChangesAsync();

        (await act.Should().ThrowAsync<DomainValidationException>()).Which.Fel.Should().ContainSingle(f => f.Falt == "Insats.InvolveradeMedlemmar[2]");
        await using var read = database.NewContext();
        (await read.Insatser.CountAsync()).Should().Be(0);
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task En_ogiltig_andring_av_en_sparad_insats_lamnar_den_sparade_oforandrad(DatabaseProvider databas)
    {
        await using var database = await TestDatabase.CreateAsync(databas);
        var forbund = Exempel.Forbund();
        await using (var db = database.NewContext())
        {
            db.AddRange(forbund, Exempel.Insats(forbund));
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            var insats = await db.Insatser.SingleAsync();
            insats.Titel = "Ny titel";
            insats.Budgetrader.Add(new() { Kostnadstyp = "lokaler", Ar = 2027, Belopp = -1m });
            var act = () => db.SaveChangesAsync();
            await act.Should().ThrowAsync<DomainValidationException>();
        }

        await using var read = database.NewContext();
        var saved = await read.Insatser.SingleAsync();
        saved.Titel.Should().Be("Hälsodisken");
        saved.Budgetrader.Should().BeEmpty();
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task En_budget_med_negativ_intakt_avvisas(DatabaseProvider databas)
    {
        await using var database = await TestDatabase.CreateAsync(databas);
        var forbund = Exempel.Forbund();
        var budget = new Arsbudget { ForbundId = forbund.Id, Ar = 2027, Intakter = [new() { MedlemId = forbund.Medlemmar[0].Id, Belopp = -100m }] };

        var fel = await SaveExpectingRefusal(database, forbund, budget);

        fel.Should().ContainSingle(f => f.Falt == "Arsbudget.Intakter[0].Belopp");
        await ShouldBeEmpty(database);
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task En_titel_langre_an_kolumnen_avvisas_med_faltet_namngivet_pa_bada_databaserna(DatabaseProvider databas)
    {
        await using var database = await TestDatabase.CreateAsync(databas);
        var forbund = Exempel.Forbund();
        var insats = Exempel.Insats(forbund);
        insats.Titel = new string('Å', 301);
        insats.Budgetrader.Add(new() { Kostnadstyp = "personal", Ar = 2027, Belopp = 5m });
        insats.Budgetrader.Add(new() { Kostnadstyp = new string('x', 61), Ar = 2027, Belopp = 5m });

        var fel = await SaveExpectingRefusal(database, forbund, insats);

        fel.Select(f => f.Falt).Should().BeEquivalentTo(["Insats.Titel", "Insats.Budgetrader[1].Kostnadstyp"]);
        fel.Should().Contain(f => f.Meddelande == "Högst 300 tecken (värdet har 301).");
        await ShouldBeEmpty(database);
    }

    private static async Task<IReadOnlyList<Valideringsfel>> SaveExpectingRefusal(TestDatabase database, params object[] entities)
    {
        await using var db = database.NewContext();
        db.AddRange(entities);
        var act = () => db.SaveChangesAsync();
        return (await act.Should().ThrowAsync<DomainValidationException>()).Which.Fel;
    }

    private static async Task ShouldBeEmpty(TestDatabase database)
    {
        await using var db = database.NewContext();
        (await db.Forbund.CountAsync()).Should().Be(0);
        (await db.Insatser.CountAsync()).Should().Be(0);
        (await db.Arsbudgetar.CountAsync()).Should().Be(0);
    }
}
