using InsatsFlow.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Data.Demo;

/// <summary>
/// Seeds "Samordningsförbundet Demo" once: members, a full styrelse, this and next year's budget and
/// insatser modelled on the 2011 basic training material, spread over the phases. Idempotent: keyed
/// on the organisationsnummer, a second run adds nothing.
/// </summary>
public sealed class DemoSeeder(InsatsFlowDbContext db, TimeProvider clock)
{
    public const string Organisationsnummer = "222000-0148";

    /// <summary>The demo's second förbund (<see cref="SeedNordvikAsync"/>).</summary>
    public const string NordvikOrganisationsnummer = "222000-0155";
    public const string NordvikNamn = "Samordningsförbundet Nordvik";
    /// <summary>The kontaktperson of Nordvik's insats in genomförande: the second förbund's sökande account.</summary>
    public const string NordvikSokande = "sokande.nordvik@demo.insatsflow.se";

    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Forbund.AnyAsync(f => f.Organisationsnummer == Organisationsnummer, cancellationToken))
            return false;

        var year = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Stockholm).Year;
        var forbund = new Forbund { Namn = "Samordningsförbundet Demo", Organisationsnummer = Organisationsnummer };
        var fk = forbund.LaggTillMedlem("Försäkringskassan", MedlemsTyp.Forsakringskassan);
        var af = forbund.LaggTillMedlem("Arbetsförmedlingen", MedlemsTyp.Arbetsformedlingen);
        var region = forbund.LaggTillMedlem("Region Demo", MedlemsTyp.Region);
        var norrby = forbund.LaggTillMedlem("Norrby kommun", MedlemsTyp.Kommun);
        var soderby = forbund.LaggTillMedlem("Söderby kommun", MedlemsTyp.Kommun);
        db.Forbund.Add(forbund);

        db.Styrelser.AddRange(DemoStyrelse.Skapa(forbund.Id, year, fk, region, norrby, soderby));
        // the budgets of the years the older insatser ran in, so their grants were within the year's medel
        for (var ar = year - 5; ar <= year; ar++)
            db.Arsbudgetar.Add(DemoBudget.Skapa(forbund.Id, ar, adopted: true, fk, af, region, norrby, soderby));
        db.Arsbudgetar.Add(DemoBudget.Skapa(forbund.Id, year + 1, adopted: false, fk, af, region, norrby, soderby));
        foreach (var insats in DemoInsatser.Skapa(forbund.Id, year, fk, af, region, norrby, soderby))
        {
            db.Insatser.Add(insats);
            db.Diarieposter.AddRange(DemoSus.Fyll(insats, year));
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Seeds the second demo förbund once (keyed on its organisationsnummer): its members, styrelse, this year's budget and
    /// three insatser. Kept apart from <see cref="SeedAsync"/> so that the first förbund's data stays as it was.
    /// </summary>
    public async Task<bool> SeedNordvikAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Forbund.AnyAsync(f => f.Organisationsnummer == NordvikOrganisationsnummer, cancellationToken))
            return false;
        var year = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Stockholm).Year;
        var (forbund, styrelser, budgetar, insatser) = DemoNordvik.Skapa(year);
        db.Forbund.Add(forbund);
        db.Styrelser.AddRange(styrelser);
        db.Arsbudgetar.AddRange(budgetar);
        foreach (var insats in insatser)
        {
            db.Insatser.Add(insats);
            db.Diarieposter.AddRange(DemoSus.Fyll(insats, year));
        }
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
}
