namespace InsatsFlow.Core.Domain;

/// <summary>
/// What Försäkringskassan's SUS asks of every insats the förbund finances (LEGAL.md, "SUS"). Registered with the
/// ansökan or by the kansli before the styrelsebeslut; the values are codes from sus/vardelistor.json.
/// </summary>
public sealed partial class Insats
{
    public SusUppgifter Sus { get; set; } = new();

    /// <summary>Planned number of participants per calendar year.</summary>
    public List<SusArsplan> SusArsplaner { get; init; } = [];

    /// <summary>Budget per calendar year and budgettyp (Insatskostnad, ESF Insatskostnad), with utfall.</summary>
    public List<SusBudgetpost> SusBudgetposter { get; init; } = [];

    /// <summary>
    /// The utfall of one year and budgettyp: what the kansli registered on the budget post, otherwise the sum the
    /// uppföljningsrapporter whose period ends that year report.
    /// </summary>
    public decimal? SusUtfall(int ar, string budgettyp)
    {
        var post = SusBudgetposter.FirstOrDefault(p => p.Ar == ar && p.Budgettyp == budgettyp);
        if (post?.Utfall is { } registrerat) return registrerat;
        var rapporterat = Uppfoljningsrapporter.Where(r => r.PeriodTill.Year == ar).SelectMany(r => r.Utfall).Where(u => u.Budgettyp == budgettyp).ToList();
        return rapporterat.Count == 0 ? null : rapporterat.Sum(u => u.Belopp);
    }

    private IEnumerable<Valideringsfel> ValideraSus()
    {
        for (var i = 0; i < SusArsplaner.Count; i++)
        {
            if (SusArsplaner[i].PlaneradeDeltagare < 0)
                yield return new($"{nameof(SusArsplaner)}[{i}].{nameof(SusArsplan.PlaneradeDeltagare)}", "Planerat antal deltagare kan inte vara negativt.");
            if (SusArsplaner[i].Ar is < 2000 or > 2100) yield return new($"{nameof(SusArsplaner)}[{i}].{nameof(SusArsplan.Ar)}", "Året är orimligt.");
        }
        if (SusArsplaner.GroupBy(p => p.Ar).FirstOrDefault(g => g.Count() > 1) is { } dubbel)
            yield return new(nameof(SusArsplaner), $"År {dubbel.Key} har planerat antal deltagare två gånger.");
        for (var i = 0; i < SusBudgetposter.Count; i++)
        {
            var p = SusBudgetposter[i];
            var falt = $"{nameof(SusBudgetposter)}[{i}]";
            if (string.IsNullOrWhiteSpace(p.Budgettyp)) yield return new($"{falt}.{nameof(SusBudgetpost.Budgettyp)}", "Budgettyp saknas.");
            if (p.Budget < 0) yield return new($"{falt}.{nameof(SusBudgetpost.Budget)}", "Budgeten kan inte vara negativ.");
            if (p.Utfall is < 0) yield return new($"{falt}.{nameof(SusBudgetpost.Utfall)}", "Utfallet kan inte vara negativt.");
            if (p.Ar is < 2000 or > 2100) yield return new($"{falt}.{nameof(SusBudgetpost.Ar)}", "Året är orimligt.");
        }
        if (SusBudgetposter.GroupBy(p => (p.Ar, p.Budgettyp)).FirstOrDefault(g => g.Count() > 1) is { } dubbelpost)
            yield return new(nameof(SusBudgetposter), $"År {dubbelpost.Key.Ar} har budgettypen {dubbelpost.Key.Budgettyp} två gånger.");
    }
}

/// <summary>The insats as SUS describes it; codes from sus/vardelistor.json.</summary>
public sealed class SusUppgifter
{
    /// <summary>The description SUS shows (short; the application's sections stay in Avsnitt).</summary>
    public string? Beskrivning { get; set; }

    /// <summary>"individinriktad" or "strukturovergripande".</summary>
    public string? Inriktning { get; set; }

    /// <summary>One of the preciserade inriktningar of <see cref="Inriktning"/>.</summary>
    public string? PreciseradInriktning { get; set; }

    /// <summary>"personuppgifter-eller-anonym" or "endast-antal" (volyminsats).</summary>
    public string? Matningsmetod { get; set; }

    public List<string> Malgrupper { get; set; } = [];
}

public sealed class SusArsplan
{
    public int Ar { get; set; }
    public int PlaneradeDeltagare { get; set; }
}

/// <summary>One budget post in SUS: a calendar year, a budgettyp, the budget and (once known) the utfall.</summary>
public sealed class SusBudgetpost
{
    public int Ar { get; set; }
    public required string Budgettyp { get; set; }
    public decimal Budget { get; set; }
    public decimal? Utfall { get; set; }
    public string? Beskrivning { get; set; }
}

/// <summary>Participants and utfall an uppföljningsrapport reports for its period, next to its text.</summary>
public sealed partial class Uppfoljningsrapport
{
    public int? DeltagarePaborjade { get; set; }
    public int? DeltagareAvslutade { get; set; }
    public List<RapporteratUtfall> Utfall { get; init; } = [];

    private IEnumerable<Valideringsfel> ValideraSus()
    {
        if (DeltagarePaborjade is < 0) yield return new(nameof(DeltagarePaborjade), "Antalet påbörjade deltagare kan inte vara negativt.");
        if (DeltagareAvslutade is < 0) yield return new(nameof(DeltagareAvslutade), "Antalet avslutade deltagare kan inte vara negativt.");
        for (var i = 0; i < Utfall.Count; i++)
            if (Utfall[i].Belopp < 0) yield return new($"{nameof(Utfall)}[{i}].Belopp", "Utfallet kan inte vara negativt.");
    }
}

public sealed class RapporteratUtfall
{
    public required string Budgettyp { get; set; }
    public decimal Belopp { get; set; }
}
