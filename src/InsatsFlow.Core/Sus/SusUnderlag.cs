using InsatsFlow.Core.Domain;

namespace InsatsFlow.Core.Sus;

/// <summary>
/// The input of the regelverk sus-uppgifter and sus-granskning, built from the insats and the value lists: the
/// rules compare what the lists say (which inriktning a preciserad inriktning belongs to, unknown codes) rather
/// than carry a copy of the lists the kansli extends.
/// </summary>
public static class SusUnderlag
{
    public static Dictionary<string, object?> Bygg(Insats insats, SusVardelistor listor)
    {
        var s = insats.Sus;
        var ar = PeriodensAr(insats);
        var budgetar = insats.SusBudgetposter.Select(p => p.Ar).ToHashSet();
        var planerat = insats.SusArsplaner.Select(p => p.Ar).ToHashSet();
        var utfallUtanBudget = insats.SusBudgetposter.Count(p => p.Utfall is not null && p.Budget == 0)
            + insats.Uppfoljningsrapporter.SelectMany(r => r.Utfall.Select(u => (r.PeriodTill.Year, u.Budgettyp)))
                .Distinct().Count(u => insats.SusBudgetposter.All(p => p.Ar != u.Year || p.Budgettyp != u.Budgettyp));
        return new()
        {
            ["sus"] = new Dictionary<string, object?>
            {
                ["beskrivning"] = s.Beskrivning?.Trim() ?? "",
                ["inriktning"] = s.Inriktning ?? "",
                ["inriktningKand"] = listor.Inriktning(s.Inriktning) is not null,
                ["preciseradInriktning"] = s.PreciseradInriktning ?? "",
                ["preciseradInriktningTillhor"] = listor.InriktningFor(s.PreciseradInriktning)?.Kod ?? "",
                ["matningsmetod"] = s.Matningsmetod ?? "",
                ["matningsmetodKand"] = listor.Matningsmetoder.Any(m => m.Kod == s.Matningsmetod),
                ["antalMalgrupper"] = s.Malgrupper.Count,
                ["okandaMalgrupper"] = s.Malgrupper.Count(m => listor.Malgrupper.All(l => l.Kod != m)),
                ["periodAngiven"] = insats.PeriodStart is not null && insats.PeriodSlut is not null,
                ["arUtanPlaneradeDeltagare"] = ar.Count(a => !planerat.Contains(a)),
                ["arUtanBudget"] = ar.Count(a => !budgetar.Contains(a)),
                ["okandaBudgettyper"] = insats.SusBudgetposter.Count(p => listor.Budgettyper.All(b => b.Kod != p.Budgettyp)),
                ["namnLangd"] = insats.Titel.Length,
                ["beskrivningLangd"] = s.Beskrivning?.Trim().Length ?? 0,
                ["budgetarUtanforPerioden"] = budgetar.Concat(planerat).Distinct().Count(a => ar.Count > 0 && !ar.Contains(a)),
                ["utfallUtanBudget"] = utfallUtanBudget,
            },
        };
    }

    /// <summary>The calendar years the insats runs; none while its period is not set.</summary>
    public static IReadOnlyList<int> PeriodensAr(Insats insats) =>
        insats.PeriodStart is { } start && insats.PeriodSlut is { } slut && slut >= start
            ? Enumerable.Range(start.Year, slut.Year - start.Year + 1).ToList()
            : [];
}
