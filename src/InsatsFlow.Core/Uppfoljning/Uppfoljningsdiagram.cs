using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Kalender;
using InsatsFlow.Engine.Store;

namespace InsatsFlow.Core.Uppfoljning;

/// <summary>The numbers behind the charts of the Budget page, the Översikt and the insats page.</summary>
public static class Uppfoljningsdiagram
{
    /// <summary>Per year: the insats budget the styrelse adopted, what granted insatser plan that year, and their utfall.</summary>
    public static Diagram BudgetBeviljatUtfall(IReadOnlyList<Arsbudget> budgetar, IReadOnlyList<Insats> insatser)
    {
        var beviljade = insatser.Where(i => i.Beslut.Any(b => b.Typ == BeslutsTyp.Bifall) && i.Fas != InsatsFas.Avslagen).ToList();
        var ar = budgetar.Select(b => b.Ar).Order().ToList();
        return new("budget-beviljat-utfall", "Insatsbudget, beviljat och utfall per år", Diagram.Stapel, "kr", [.. ar.Select(a => a.ToString())],
        [
            new("Budget för insatser", [.. ar.Select(a => (decimal?)budgetar.Where(b => b.Ar == a).SelectMany(b => b.Kostnader).Where(k => k.Omrade == Kostnadsomrade.Insatser).Sum(k => k.Belopp))]),
            new("Beviljat", [.. ar.Select(a => (decimal?)beviljade.Sum(i => i.BudgetSumma(a)))]),
            new("Utfall", [.. ar.Select(a => Summa(beviljade.Select(i => Utfall(i, a))))]),
        ]);
    }

    /// <summary>Each member's share of the year's contributions (FINSAM 5 §).</summary>
    public static Diagram Medlemsandelar(Arsbudget budget, IReadOnlyDictionary<Guid, string> medlemmar) =>
        new("medlemsandelar", $"Medlemmarnas andel av intäkterna {budget.Ar}", Diagram.Cirkel, "kr",
            [.. budget.Intakter.Select(i => medlemmar.GetValueOrDefault(i.MedlemId, "?"))],
            [new("Belopp", [.. budget.Intakter.Select(i => (decimal?)i.Belopp)])]);

    /// <summary>How many insatser stood in each phase at the end of each of the last <paramref name="manader"/> months.</summary>
    public static Diagram InsatserPerFasOverTid(IReadOnlyList<Insats> insatser, DateOnly idag, int manader = 12)
    {
        var slut = Enumerable.Range(0, manader).Select(m => new DateOnly(idag.Year, idag.Month, 1).AddMonths(m - manader + 1).AddMonths(1).AddDays(-1))
            .Select(d => d > idag ? idag : d).ToList();
        var faser = Enum.GetValues<InsatsFas>();
        return new("insatser-per-fas", "Insatser per fas, vid varje månads slut", Diagram.Linje, "st",
            [.. slut.Select(d => d.ToString("yyyy-MM"))],
            [.. faser.Select(f => new Dataserie(f.Visningsnamn(), [.. slut.Select(d => (decimal?)insatser.Count(i => FasVid(i, d) == f))]))]);
    }

    /// <summary>Working days each insats spent in each phase it has left: median and spread per phase.</summary>
    public static Diagram LedtidPerFas(IReadOnlyList<Insats> insatser, SvenskaArbetsdagar kalender)
    {
        var faser = Enum.GetValues<InsatsFas>().Where(f => f is not (InsatsFas.Avslutad or InsatsFas.Avslagen)).ToList();
        var tider = faser.ToDictionary(f => f, _ => new List<decimal>());
        foreach (var insats in insatser)
            foreach (var (fas, dagar) in AvslutadeFaser(insats, kalender))
                if (tider.TryGetValue(fas, out var lista)) lista.Add(dagar);
        var med = faser.Where(f => tider[f].Count > 0).ToList();
        var lador = med.Select(f => Spridning.Av(tider[f])!).ToList();
        return new Diagram("ledtid-per-fas", "Ledtid per fas i arbetsdagar (median och spridning)", Diagram.Lada, "arbetsdagar",
            [.. med.Select(f => f.Visningsnamn())], [new("Arbetsdagar", [.. lador.Select(l => (decimal?)l.Median)])]) { Lador = lador };
    }

    /// <summary>Open tasks past their due date, per role that may take them (or "tilldelad" when someone has them).</summary>
    public static Diagram ForsenadeUppgifterPerRoll(IEnumerable<TaskItem> uppgifter, DateTimeOffset nu)
    {
        var forsenade = uppgifter.Where(t => t.State == TaskState.Open && t.DueAt < nu).ToList();
        var roller = forsenade.SelectMany(t => t.CandidateGroupList.Count > 0 ? t.CandidateGroupList : ["(ingen grupp)"]).Distinct().Order().ToList();
        return new("forsenade-per-roll", "Försenade uppgifter per roll", Diagram.Stapel, "st",
            [.. roller.Select(r => Roller.Alla.Contains(r) ? Roller.Visningsnamn(r) : r)],
            [
                new("Otilldelade", [.. roller.Select(r => (decimal?)forsenade.Count(t => t.Assignee is null && Grupper(t).Contains(r)))]),
                new("Tilldelade", [.. roller.Select(r => (decimal?)forsenade.Count(t => t.Assignee is not null && Grupper(t).Contains(r)))]),
            ]);
    }

    /// <summary>The insats's own budget against its utfall, per year (its SUS budget posts, or its budget lines when it has none).</summary>
    public static Diagram InsatsensBudgetMotUtfall(Insats insats)
    {
        var ar = insats.SusBudgetposter.Select(p => p.Ar).Concat(insats.Budgetrader.Select(r => r.Ar)).Distinct().Order().ToList();
        return new("insats-budget-utfall", "Budget och utfall per år", Diagram.Stapel, "kr", [.. ar.Select(a => a.ToString())],
        [
            new("Budget", [.. ar.Select(a => (decimal?)(insats.SusBudgetposter.Any(p => p.Ar == a) ? insats.SusBudgetposter.Where(p => p.Ar == a).Sum(p => p.Budget) : insats.BudgetSumma(a)))]),
            new("Utfall", [.. ar.Select(a => Utfall(insats, a))]),
        ]);
    }

    /// <summary>Working days the insats has spent in each phase so far, the current one counted to today.</summary>
    public static Diagram InsatsensTidPerFas(Insats insats, SvenskaArbetsdagar kalender, DateOnly idag)
    {
        var perFas = AvslutadeFaser(insats, kalender).ToList();
        if (insats.Fasbyten.Count > 0 && insats.Fas is not (InsatsFas.Avslutad or InsatsFas.Avslagen))
            perFas.Add((insats.Fas, kalender.RaknaArbetsdagar(Dag(insats.Fasbyten.OrderBy(f => f.Tidpunkt).Last().Tidpunkt), idag)));
        var faser = perFas.Select(p => p.Fas).Distinct().ToList();
        return new("insats-tid-per-fas", "Tid i varje fas (arbetsdagar)", Diagram.Stapel, "arbetsdagar", [.. faser.Select(f => f.Visningsnamn())],
            [new("Arbetsdagar", [.. faser.Select(f => (decimal?)perFas.Where(p => p.Fas == f).Sum(p => p.Dagar))])]);
    }

    private static IEnumerable<string> Grupper(TaskItem t) => t.CandidateGroupList.Count > 0 ? t.CandidateGroupList : ["(ingen grupp)"];

    private static decimal? Utfall(Insats insats, int ar)
    {
        var typer = insats.SusBudgetposter.Select(p => p.Budgettyp).Concat(insats.Uppfoljningsrapporter.SelectMany(r => r.Utfall).Select(u => u.Budgettyp)).Distinct();
        return Summa(typer.Select(t => insats.SusUtfall(ar, t)));
    }

    private static decimal? Summa(IEnumerable<decimal?> varden)
    {
        var kanda = varden.Where(v => v is not null).ToList();
        return kanda.Count == 0 ? null : kanda.Sum();
    }

    private static DateOnly Dag(DateTimeOffset t) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t, SvenskaArbetsdagar.Stockholm).DateTime);

    /// <summary>The phase the insats stood in at the end of <paramref name="dag"/>; null before it was registered.</summary>
    private static InsatsFas? FasVid(Insats insats, DateOnly dag)
    {
        if (insats.Fasbyten.Count == 0) return insats.Fas;
        return insats.Fasbyten.Where(f => Dag(f.Tidpunkt) <= dag).OrderBy(f => f.Tidpunkt).Select(f => (InsatsFas?)f.Fas).LastOrDefault();
    }

    private static IEnumerable<(InsatsFas Fas, int Dagar)> AvslutadeFaser(Insats insats, SvenskaArbetsdagar kalender)
    {
        var byten = insats.Fasbyten.OrderBy(f => f.Tidpunkt).ToList();
        for (var i = 0; i + 1 < byten.Count; i++)
            yield return (byten[i].Fas, kalender.RaknaArbetsdagar(Dag(byten[i].Tidpunkt), Dag(byten[i + 1].Tidpunkt)));
    }
}
