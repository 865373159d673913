using InsatsFlow.Core.Domain;

namespace InsatsFlow.Core.Sus;

/// <summary>What the ansökan or the kansli registers for SUS; codes from sus/vardelistor.json.</summary>
public sealed record SusIn(
    string? Beskrivning,
    string? Inriktning,
    string? PreciseradInriktning,
    string? Matningsmetod,
    IReadOnlyList<string>? Malgrupper,
    IReadOnlyList<SusArsplanIn>? Arsplaner,
    IReadOnlyList<SusBudgetpostIn>? Budgetposter);

public sealed record SusArsplanIn(int Ar, int PlaneradeDeltagare);

public sealed record SusBudgetpostIn(int Ar, string Budgettyp, decimal Budget, decimal? Utfall, string? Beskrivning);

/// <summary>
/// Writes SUS fields onto an insats after checking each code against the value lists. Mätningsmetod defaults to the
/// inriktning's (endast antal for strukturövergripande). Once the insats is beviljad, inriktning and mätningsmetod no
/// longer change: SUS keeps them as registered (LEGAL.md, "Year-end and follow-up").
/// </summary>
public sealed class SusRegistrering(SusKatalog katalog)
{
    public IReadOnlyList<Valideringsfel> Tillampa(Insats insats, SusIn sus)
    {
        var listor = katalog.Vardelistor;
        var fel = new List<Valideringsfel>();
        var inriktning = listor.Inriktning(sus.Inriktning);
        if (sus.Inriktning is not null && inriktning is null)
            fel.Add(new("inriktning", $"Inriktningen \"{sus.Inriktning}\" finns inte; välj {string.Join(" eller ", listor.Inriktningar.Select(i => i.Kod))}."));
        if (sus.PreciseradInriktning is not null && listor.InriktningFor(sus.PreciseradInriktning) is not { } tillhor)
            fel.Add(new("preciseradInriktning", $"Den preciserade inriktningen \"{sus.PreciseradInriktning}\" finns inte i värdelistan."));
        else if (sus.PreciseradInriktning is not null && inriktning is not null && listor.InriktningFor(sus.PreciseradInriktning)!.Kod != inriktning.Kod)
            fel.Add(new("preciseradInriktning", $"\"{listor.PreciseradNamn(sus.PreciseradInriktning)}\" hör till inriktningen {listor.InriktningFor(sus.PreciseradInriktning)!.Namn}, inte {inriktning.Namn}."));
        var matning = sus.Matningsmetod ?? inriktning?.StandardMatningsmetod;
        if (matning is not null && listor.Matningsmetoder.All(m => m.Kod != matning))
            fel.Add(new("matningsmetod", $"Mätningsmetoden \"{matning}\" finns inte; välj {string.Join(" eller ", listor.Matningsmetoder.Select(m => m.Kod))}."));
        var malgrupper = sus.Malgrupper ?? [];
        for (var i = 0; i < malgrupper.Count; i++)
            if (listor.Malgrupper.All(m => m.Kod != malgrupper[i]))
                fel.Add(new($"malgrupper[{i}]", $"Målgruppen \"{malgrupper[i]}\" finns inte i värdelistan."));
        var poster = sus.Budgetposter ?? [];
        for (var i = 0; i < poster.Count; i++)
            if (listor.Budgettyper.All(b => b.Kod != poster[i].Budgettyp))
                fel.Add(new($"budgetposter[{i}].budgettyp", $"Budgettypen \"{poster[i].Budgettyp}\" finns inte; välj {string.Join(" eller ", listor.Budgettyper.Select(b => b.Kod))}."));
        if (insats.Beslut.Any(b => b.Typ == BeslutsTyp.Bifall))
        {
            if (insats.Sus.Inriktning is not null && sus.Inriktning != insats.Sus.Inriktning)
                fel.Add(new("inriktning", "Insatsen är beviljad och registrerad i SUS; inriktningen ändras inte längre."));
            if (insats.Sus.Matningsmetod is not null && matning != insats.Sus.Matningsmetod)
                fel.Add(new("matningsmetod", "Insatsen är beviljad och registrerad i SUS; mätningsmetoden ändras inte längre."));
        }
        if (fel.Count > 0) return fel;

        var nya = new Insats { Diarienummer = insats.Diarienummer, Titel = insats.Titel, SokandeOrganisation = insats.SokandeOrganisation };
        nya.SusArsplaner.AddRange((sus.Arsplaner ?? []).Select(p => new SusArsplan { Ar = p.Ar, PlaneradeDeltagare = p.PlaneradeDeltagare }));
        nya.SusBudgetposter.AddRange(poster.Select(p => new SusBudgetpost { Ar = p.Ar, Budgettyp = p.Budgettyp, Budget = p.Budget, Utfall = p.Utfall, Beskrivning = p.Beskrivning }));
        var domanfel = nya.Validera().Where(f => f.Falt.StartsWith("Sus", StringComparison.Ordinal)).ToList();
        if (domanfel.Count > 0) return domanfel;

        insats.Sus = new SusUppgifter
        {
            Beskrivning = sus.Beskrivning?.Trim(), Inriktning = sus.Inriktning, PreciseradInriktning = sus.PreciseradInriktning,
            Matningsmetod = matning, Malgrupper = [.. malgrupper],
        };
        insats.SusArsplaner.Clear();
        insats.SusArsplaner.AddRange(nya.SusArsplaner);
        insats.SusBudgetposter.Clear();
        insats.SusBudgetposter.AddRange(nya.SusBudgetposter);
        return [];
    }
}
