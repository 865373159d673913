using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Kalender;
using InsatsFlow.Core.Uppfoljning;
using InsatsFlow.Engine.Store;

namespace InsatsFlow.Core.Tests.Uppfoljning;

/// <summary>The numbers each chart draws, and the table behind it for screen readers.</summary>
public sealed class UppfoljningsdiagramTests
{
    private static readonly SvenskaArbetsdagar Kalender = new();
    private static readonly Guid Fk = Guid.NewGuid();
    private static readonly Guid Kommun = Guid.NewGuid();

    private static Insats Insats(string nr, InsatsFas fas, params (InsatsFas Fas, string Datum)[] byten)
    {
        var insats = new Insats { Diarienummer = nr, Titel = nr, SokandeOrganisation = "Norrby kommun", Fas = fas };
        foreach (var (f, d) in byten)
            insats.Fasbyten.Add(new Fasbyte { Fas = f, Tidpunkt = new DateTimeOffset(DateOnly.Parse(d).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero) });
        return insats;
    }

    [Fact]
    public void Budgetsidan_visar_insatsbudget_beviljat_och_utfall_per_ar()
    {
        var budgetar = new List<Arsbudget>
        {
            new() { Ar = 2025, Kostnader = [new() { Omrade = Kostnadsomrade.Insatser, Belopp = 3_000_000m }, new() { Omrade = Kostnadsomrade.Administration, Belopp = 500_000m }] },
            new() { Ar = 2026, Kostnader = [new() { Omrade = Kostnadsomrade.Insatser, Belopp = 3_500_000m }] },
        };
        var beviljad = Insats("SF 2024/001", InsatsFas.Genomforande);
        beviljad.Beslut.Add(new Beslut { Typ = BeslutsTyp.Bifall, Datum = new(2024, 11, 20) });
        beviljad.Budgetrader.AddRange([new() { Kostnadstyp = "personal", Ar = 2025, Belopp = 900_000m }, new() { Kostnadstyp = "personal", Ar = 2026, Belopp = 1_000_000m }]);
        beviljad.SusBudgetposter.Add(new SusBudgetpost { Ar = 2025, Budgettyp = "insatskostnad", Budget = 900_000m, Utfall = 880_000m });
        var ansokan = Insats("SF 2026/003", InsatsFas.Ansokan);
        ansokan.Budgetrader.Add(new() { Kostnadstyp = "personal", Ar = 2026, Belopp = 700_000m });

        var diagram = Uppfoljningsdiagram.BudgetBeviljatUtfall(budgetar, [beviljad, ansokan]);

        diagram.Typ.Should().Be(Diagram.Stapel);
        diagram.Kategorier.Should().Equal("2025", "2026");
        diagram.Serier.Select(s => s.Namn).Should().Equal("Budget för insatser", "Beviljat", "Utfall");
        diagram.Serier.Select(s => s.Varden).Should().BeEquivalentTo(new[]
        {
            new decimal?[] { 3_000_000m, 3_500_000m }, [900_000m, 1_000_000m], [880_000m, null],
        }, o => o.WithStrictOrdering());
        var tabell = diagram.Tabell();
        tabell.Kolumner.Should().Equal("", "Budget för insatser", "Beviljat", "Utfall");
        tabell.Rader.Should().BeEquivalentTo(new[]
        {
            new[] { "2025", "3\u00A0000\u00A0000 kr", "900\u00A0000 kr", "880\u00A0000 kr" },
            ["2026", "3\u00A0500\u00A0000 kr", "1\u00A0000\u00A0000 kr", "–"],
        }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Medlemmarnas_andel_visas_per_medlem()
    {
        var budget = new Arsbudget { Ar = 2026, Intakter = [new() { MedlemId = Fk, Belopp = 2_000_000m }, new() { MedlemId = Kommun, Belopp = 1_000_000m }] };

        var diagram = Uppfoljningsdiagram.Medlemsandelar(budget, new Dictionary<Guid, string> { [Fk] = "Försäkringskassan", [Kommun] = "Norrby kommun" });

        diagram.Typ.Should().Be(Diagram.Cirkel);
        diagram.Kategorier.Should().Equal("Försäkringskassan", "Norrby kommun");
        diagram.Tabell().Rader.Should().BeEquivalentTo(new[] { new[] { "Försäkringskassan", "2\u00A0000\u00A0000 kr" }, ["Norrby kommun", "1\u00A0000\u00A0000 kr"] },
            o => o.WithStrictOrdering());
    }

    [Fact]
    public void Oversikten_visar_hur_manga_insatser_som_stod_i_varje_fas_vid_manadens_slut()
    {
        var a = Insats("A", InsatsFas.Beredning, (InsatsFas.Idefas, "2026-01-10"), (InsatsFas.Ansokan, "2026-02-15"), (InsatsFas.Beredning, "2026-03-03"));
        var b = Insats("B", InsatsFas.Idefas, (InsatsFas.Idefas, "2026-03-20"));

        var diagram = Uppfoljningsdiagram.InsatserPerFasOverTid([a, b], new DateOnly(2026, 3, 25), manader: 3);

        diagram.Kategorier.Should().Equal("2026-01", "2026-02", "2026-03");
        diagram.Serier.Single(s => s.Namn == InsatsFas.Idefas.Visningsnamn()).Varden.Should().Equal(1m, 0m, 1m);
        diagram.Serier.Single(s => s.Namn == InsatsFas.Ansokan.Visningsnamn()).Varden.Should().Equal(0m, 1m, 0m);
        diagram.Serier.Single(s => s.Namn == InsatsFas.Beredning.Visningsnamn()).Varden.Should().Equal(0m, 0m, 1m);
        diagram.Tabell().Rader[2].Should().StartWith(["2026-03", "1 st", "0 st", "1 st"]);
    }

    [Fact]
    public void Ledtiden_per_fas_raknas_i_arbetsdagar_med_median_och_spridning()
    {
        // Idéfas: 5, 10 and 2 working days (the 2 spans Easter 2026: Good Friday 3 April and Easter Monday 6 April).
        var insatser = new[]
        {
            Insats("A", InsatsFas.Ansokan, (InsatsFas.Idefas, "2026-03-02"), (InsatsFas.Ansokan, "2026-03-09")),
            Insats("B", InsatsFas.Ansokan, (InsatsFas.Idefas, "2026-03-02"), (InsatsFas.Ansokan, "2026-03-16")),
            Insats("C", InsatsFas.Beredning, (InsatsFas.Idefas, "2026-04-02"), (InsatsFas.Ansokan, "2026-04-08"), (InsatsFas.Beredning, "2026-04-09")),
        };

        var diagram = Uppfoljningsdiagram.LedtidPerFas(insatser, Kalender);

        diagram.Typ.Should().Be(Diagram.Lada);
        diagram.Kategorier.Should().Equal(InsatsFas.Idefas.Visningsnamn(), InsatsFas.Ansokan.Visningsnamn());
        diagram.Lador![0].Should().Be(new Spridning(3, 2m, 3.5m, 5m, 7.5m, 10m));
        diagram.Lador[1].Should().Be(new Spridning(1, 1m, 1m, 1m, 1m, 1m));
        diagram.Tabell().Kolumner.Should().Equal("", "Antal", "Min", "Första kvartil", "Median", "Tredje kvartil", "Max");
        diagram.Tabell().Rader[0].Should().Equal(InsatsFas.Idefas.Visningsnamn(), "3 arbetsdagar", "2 arbetsdagar", "3,5 arbetsdagar", "5 arbetsdagar", "7,5 arbetsdagar", "10 arbetsdagar");
    }

    [Fact]
    public void Forsenade_uppgifter_raknas_per_roll_tilldelade_for_sig()
    {
        var nu = new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
        TaskItem Uppgift(string grupp, string? tilldelad, int dagar, TaskState state = TaskState.Open) => new()
        {
            Id = Guid.NewGuid().ToString(), InstanceId = "i", TokenId = "t", ElementId = "e", DefinitionKey = "k", CandidateGroups = TaskItem.Join([grupp]),
            Assignee = tilldelad, DueAt = nu.AddDays(dagar), State = state,
        };

        var diagram = Uppfoljningsdiagram.ForsenadeUppgifterPerRoll(
            [Uppgift("beredningsgrupp", null, -2), Uppgift("beredningsgrupp", "bo", -1), Uppgift("styrelse", null, -5), Uppgift("styrelse", null, 3),
             Uppgift("kansli", null, -9, TaskState.Completed)], nu);

        diagram.Kategorier.Should().Equal("Beredningsgrupp", "Styrelse");
        diagram.Serier.Single(s => s.Namn == "Otilldelade").Varden.Should().Equal(1m, 1m);
        diagram.Serier.Single(s => s.Namn == "Tilldelade").Varden.Should().Equal(1m, 0m);
        diagram.Tabell().Rader.Should().BeEquivalentTo(new[] { new[] { "Beredningsgrupp", "1 st", "1 st" }, ["Styrelse", "1 st", "0 st"] }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Insatssidan_visar_insatsens_budget_mot_utfall_per_ar()
    {
        var insats = Insats("A", InsatsFas.Genomforande);
        insats.SusBudgetposter.AddRange([
            new SusBudgetpost { Ar = 2026, Budgettyp = "insatskostnad", Budget = 800_000m, Utfall = 760_000m },
            new SusBudgetpost { Ar = 2026, Budgettyp = "esf-insatskostnad", Budget = 100_000m },
            new SusBudgetpost { Ar = 2027, Budgettyp = "insatskostnad", Budget = 850_000m }]);
        insats.Uppfoljningsrapporter.Add(new Uppfoljningsrapport { PeriodFran = new(2026, 1, 1), PeriodTill = new(2026, 6, 30), Utfall = [new() { Budgettyp = "esf-insatskostnad", Belopp = 30_000m }] });

        var diagram = Uppfoljningsdiagram.InsatsensBudgetMotUtfall(insats);

        diagram.Kategorier.Should().Equal("2026", "2027");
        diagram.Serier[0].Varden.Should().Equal(900_000m, 850_000m);
        diagram.Serier[1].Varden.Should().Equal(790_000m, null);
        diagram.Tabell().Rader[1].Should().Equal("2027", "850\u00A0000 kr", "–");
    }

    [Fact]
    public void Insatssidan_visar_tiden_i_varje_fas_och_den_pagaende_fasen_till_idag()
    {
        var insats = Insats("A", InsatsFas.Beredning, (InsatsFas.Idefas, "2026-03-02"), (InsatsFas.Ansokan, "2026-03-09"), (InsatsFas.Beredning, "2026-03-16"));

        var diagram = Uppfoljningsdiagram.InsatsensTidPerFas(insats, Kalender, new DateOnly(2026, 3, 20));

        diagram.Kategorier.Should().Equal(InsatsFas.Idefas.Visningsnamn(), InsatsFas.Ansokan.Visningsnamn(), InsatsFas.Beredning.Visningsnamn());
        diagram.Serier.Single().Varden.Should().Equal(5m, 5m, 4m);
        diagram.Tabell().Rader[2].Should().Equal(InsatsFas.Beredning.Visningsnamn(), "4 arbetsdagar");
    }

    [Fact]
    public void Ett_diagram_utan_uppgifter_ar_tomt()
    {
        Uppfoljningsdiagram.LedtidPerFas([Insats("A", InsatsFas.Idefas)], Kalender).ArTomt.Should().BeTrue();
    }
}
