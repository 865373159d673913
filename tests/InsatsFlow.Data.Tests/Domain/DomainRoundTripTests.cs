using InsatsFlow.Core.Domain;
using InsatsFlow.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Data.Tests.Domain;

public sealed class DomainRoundTripTests
{
    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task En_insats_med_alla_delar_laggs_in_och_lases_tillbaka_oforandrad(DatabaseProvider databas)
    {
        await using var database = await TestDatabase.CreateAsync(databas);
        var forbund = Exempel.Forbund();
        var insats = Exempel.Insats(forbund);
        insats.Fas = InsatsFas.Genomforande;
        insats.Avsnitt = new()
        {
            Utgangspunkter = "1", Mal = "2", Behovsgrupp = "3", Aktiviteter = "4", ProjektstyrningOchOrganisation = "5",
            RelationTillAndraVerksamheter = "6", Resurser = "7", Tidplan = "8", Utvardering = "9", Implementering = "10",
        };
        insats.Kontaktpersoner.Add(new() { Namn = "Helena Strand", Roll = "Projektledare", Epost = "helena@example.se" });
        insats.Budgetrader.Add(new() { Kostnadstyp = "personal", Ar = 2027, Belopp = 1_250_000.50m, Beskrivning = "1,5 tjänst" });
        insats.Beslut.Add(new() { InsatsId = insats.Id, Typ = BeslutsTyp.Bifall, Datum = new DateOnly(2026, 12, 8), Paragraf = 41, BeviljatBelopp = 1_250_000.50m });
        insats.Uppfoljningsrapporter.Add(new()
        {
            PeriodFran = new DateOnly(2027, 1, 1), PeriodTill = new DateOnly(2027, 6, 30), SistaDag = new DateOnly(2027, 8, 31),
            Inlamnad = new DateTimeOffset(2027, 8, 30, 10, 15, 0, TimeSpan.Zero), AntalDeltagare = 12,
        });
        insats.Implementeringsbeslut = new()
        {
            Alternativ = Implementeringsalternativ.Delad,
            Beslutsdatum = new DateOnly(2028, 10, 1),
            Delar = [new() { Beskrivning = "Samordnarfunktionen", Organisation = "Region Test", Andel = 0.6m }],
            FortsattFinansiering = [new() { Ar = 2029, Belopp = 400_000m, Finansiar = "Förbundet" }],
        };
        await using (var db = database.NewContext())
        {
            db.Forbund.Add(forbund);
            db.Insatser.Add(insats);
            await db.SaveChangesAsync();
        }

        await using var read = database.NewContext();
        var loaded = await read.Insatser.SingleAsync();

        loaded.Should().BeEquivalentTo(insats);
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Arsbudget_styrelse_och_sammantrade_med_jav_laggs_in_och_lases_tillbaka(DatabaseProvider databas)
    {
        await using var database = await TestDatabase.CreateAsync(databas);
        var forbund = Exempel.Forbund();
        var insats = Exempel.Insats(forbund);
        var budget = new Arsbudget
        {
            ForbundId = forbund.Id, Ar = 2027, EgetKapital = 900_000m, AntagenDatum = new DateOnly(2026, 11, 20),
            Intakter = [new() { MedlemId = forbund.Medlemmar[0].Id, Belopp = 4_000_000m }],
            Kostnader = [new() { Omrade = Kostnadsomrade.Insatser, Belopp = 3_500_000m }],
            Samrad = [new() { MedlemId = forbund.Medlemmar[0].Id, Datum = new DateOnly(2026, 9, 1) }],
        };
        var ledamot = new Styrelseledamot { Namn = "Anna Lindqvist", MedlemId = forbund.Medlemmar[2].Id, Uppdrag = Styrelseuppdrag.Ordforande };
        var styrelse = new Styrelse { ForbundId = forbund.Id, MandatperiodFran = new DateOnly(2027, 4, 1), MandatperiodTill = new DateOnly(2031, 3, 31), Ledamoter = [ledamot] };
        var sammantrade = new Sammantrade
        {
            ForbundId = forbund.Id,
            Datum = new DateOnly(2026, 12, 8),
            Narvaro = [new() { LedamotId = ledamot.Id, Narvarande = true }],
            Arenden = [new() { Rubrik = "Ansökan Hälsodisken", InsatsId = insats.Id, Paragraf = 41, Jav = [new() { LedamotId = ledamot.Id, Grund = "Anställd hos sökande" }] }],
        };
        await using (var db = database.NewContext())
        {
            db.AddRange(forbund, insats, budget, styrelse, sammantrade);
            await db.SaveChangesAsync();
        }

        await using var read = database.NewContext();
        (await read.Arsbudgetar.SingleAsync()).Should().BeEquivalentTo(budget);
        (await read.Styrelser.SingleAsync()).Should().BeEquivalentTo(styrelse);
        (await read.Sammantraden.SingleAsync()).Should().BeEquivalentTo(sammantrade);
    }
}
