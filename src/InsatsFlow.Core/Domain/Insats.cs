namespace InsatsFlow.Core.Domain;

/// <summary>An insats the förbund funds or considers funding, from idé to avslut.</summary>
public sealed partial class Insats : IValideras
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ForbundId { get; init; }

    /// <summary>For example "SF 2026/014".</summary>
    public required string Diarienummer { get; set; }

    public required string Titel { get; set; }
    public required string SokandeOrganisation { get; set; }
    public InsatsFas Fas { get; set; } = InsatsFas.Idefas;

    /// <summary>The member parties involved (FINSAM: at least two; two kommuner count as one).</summary>
    public List<InsatsMedlem> InvolveradeMedlemmar { get; init; } = [];

    public Malgrupp Malgrupp { get; set; } = new();
    public Ansokningsavsnitt Avsnitt { get; set; } = new();
    public List<Kontaktperson> Kontaktpersoner { get; init; } = [];
    public DateOnly? PeriodStart { get; set; }
    public DateOnly? PeriodSlut { get; set; }
    public List<Budgetrad> Budgetrader { get; init; } = [];
    public List<Beslut> Beslut { get; init; } = [];
    public List<Uppfoljningsrapport> Uppfoljningsrapporter { get; init; } = [];

    /// <summary>The medlemmar's yttranden in beredning, every round (<see cref="GallandeYttranden"/> gives the latest per medlem).</summary>
    public List<Medlemsyttrande> Yttranden { get; init; } = [];

    public Slutrapport? Slutrapport { get; set; }
    public Implementeringsbeslut? Implementeringsbeslut { get; set; }

    public void InvolveraMedlem(Guid medlemId)
    {
        if (InvolveradeMedlemmar.All(m => m.MedlemId != medlemId))
            InvolveradeMedlemmar.Add(new InsatsMedlem { InsatsId = Id, MedlemId = medlemId });
    }

    /// <summary>The latest yttrande of each medlem.</summary>
    public IReadOnlyList<Medlemsyttrande> GallandeYttranden() =>
        [.. Yttranden.GroupBy(y => y.MedlemId).Select(g => g.OrderBy(y => y.LamnatUtc).Last()).OrderBy(y => y.LamnatUtc)];

    public decimal BudgetSumma(int? ar = null) => Budgetrader.Where(r => ar is null || r.Ar == ar).Sum(r => r.Belopp);

    public IEnumerable<Valideringsfel> Validera()
    {
        if (string.IsNullOrWhiteSpace(Diarienummer)) yield return new(nameof(Diarienummer), "Diarienummer saknas.");
        if (string.IsNullOrWhiteSpace(Titel)) yield return new(nameof(Titel), "Titel saknas.");
        if (string.IsNullOrWhiteSpace(SokandeOrganisation)) yield return new(nameof(SokandeOrganisation), "Sökande organisation saknas.");
        if (PeriodStart is { } start && PeriodSlut is { } slut && slut < start)
            yield return new(nameof(PeriodSlut), "Perioden slutar innan den börjar.");
        foreach (var fel in Malgrupp.Validera()) yield return fel with { Falt = $"{nameof(Malgrupp)}.{fel.Falt}" };
        for (var i = 0; i < Budgetrader.Count; i++)
            foreach (var fel in Budgetrader[i].Validera())
                yield return fel with { Falt = $"{nameof(Budgetrader)}[{i}].{fel.Falt}" };
        for (var i = 0; i < Kontaktpersoner.Count; i++)
            if (string.IsNullOrWhiteSpace(Kontaktpersoner[i].Namn))
                yield return new($"{nameof(Kontaktpersoner)}[{i}].Namn", "Kontaktpersonens namn saknas.");
        for (var i = 0; i < Beslut.Count; i++)
            foreach (var fel in Beslut[i].Validera())
                yield return fel with { Falt = $"{nameof(Beslut)}[{i}].{fel.Falt}" };
        for (var i = 0; i < Uppfoljningsrapporter.Count; i++)
            foreach (var fel in Uppfoljningsrapporter[i].Validera())
                yield return fel with { Falt = $"{nameof(Uppfoljningsrapporter)}[{i}].{fel.Falt}" };
        for (var i = 0; i < Yttranden.Count; i++)
            foreach (var fel in Yttranden[i].Validera())
                yield return fel with { Falt = $"{nameof(Yttranden)}[{i}].{fel.Falt}" };
        if (Implementeringsbeslut is not null)
            foreach (var fel in Implementeringsbeslut.Validera())
                yield return fel with { Falt = $"{nameof(Implementeringsbeslut)}.{fel.Falt}" };
        foreach (var fel in ValideraSus()) yield return fel;
    }
}

public sealed class InsatsMedlem
{
    public Guid InsatsId { get; init; }
    public Guid MedlemId { get; init; }
}

public sealed class Malgrupp
{
    public string Beskrivning { get; set; } = "";
    public int? AlderFran { get; set; }
    public int? AlderTill { get; set; }

    public IEnumerable<Valideringsfel> Validera()
    {
        if (AlderFran is < 0) yield return new(nameof(AlderFran), "Åldern kan inte vara negativ.");
        if (AlderTill is < 0) yield return new(nameof(AlderTill), "Åldern kan inte vara negativ.");
        if (AlderFran is { } fran && AlderTill is { } till && till < fran)
            yield return new(nameof(AlderTill), "Övre åldersgränsen är lägre än den undre.");
    }
}

/// <summary>
/// The ten sections of the application: idéfas 1–4 and ansökan 5–10, as in the förbund's template.
/// </summary>
public sealed class Ansokningsavsnitt
{
    public string? Utgangspunkter { get; set; }
    public string? Mal { get; set; }
    public string? Behovsgrupp { get; set; }
    public string? Aktiviteter { get; set; }
    public string? ProjektstyrningOchOrganisation { get; set; }
    public string? RelationTillAndraVerksamheter { get; set; }
    public string? Resurser { get; set; }
    public string? Tidplan { get; set; }
    public string? Utvardering { get; set; }
    public string? Implementering { get; set; }
}

public sealed class Kontaktperson
{
    public required string Namn { get; set; }
    public string? Roll { get; set; }
    public string? Organisation { get; set; }
    public string? Epost { get; set; }
    public string? Telefon { get; set; }
}

/// <summary>One line of an insats's budget: cost type, year, amount in kronor.</summary>
public sealed class Budgetrad
{
    public required string Kostnadstyp { get; set; }
    public int Ar { get; set; }
    public decimal Belopp { get; set; }
    /// <summary>The line in the applicant's own words; the kostnadstyp is chosen from the jurists' list.</summary>
    public string? Beskrivning { get; set; }

    public IEnumerable<Valideringsfel> Validera()
    {
        if (string.IsNullOrWhiteSpace(Kostnadstyp)) yield return new(nameof(Kostnadstyp), "Kostnadstyp saknas.");
        if (Belopp < 0) yield return new(nameof(Belopp), "Beloppet kan inte vara negativt.");
        if (Ar is < 2000 or > 2100) yield return new(nameof(Ar), "Året är orimligt.");
    }
}

public sealed partial class Uppfoljningsrapport
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public DateOnly PeriodFran { get; set; }
    public DateOnly PeriodTill { get; set; }
    public DateOnly SistaDag { get; set; }

    /// <summary>When it was submitted (UTC); null while it is due.</summary>
    public DateTimeOffset? Inlamnad { get; set; }

    public int? AntalDeltagare { get; set; }
    public string? Sammanfattning { get; set; }

    /// <summary>The signed-in user who handed it in.</summary>
    public string? LamnadAv { get; set; }

    public IEnumerable<Valideringsfel> Validera()
    {
        if (PeriodTill < PeriodFran) yield return new(nameof(PeriodTill), "Perioden slutar innan den börjar.");
        if (AntalDeltagare is < 0) yield return new(nameof(AntalDeltagare), "Antalet deltagare kan inte vara negativt.");
        foreach (var fel in ValideraSus()) yield return fel;
        if (Inlamnad is { Offset: var offset } && offset != TimeSpan.Zero)
            yield return new(nameof(Inlamnad), "Tidpunkter lagras i UTC.");
    }
}
