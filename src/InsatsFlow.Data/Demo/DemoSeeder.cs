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

        db.Styrelser.Add(DemoStyrelse.Skapa(forbund.Id, year, fk, region, norrby, soderby));
        db.Arsbudgetar.Add(DemoBudget.Skapa(forbund.Id, year, adopted: true, fk, af, region, norrby, soderby));
        db.Arsbudgetar.Add(DemoBudget.Skapa(forbund.Id, year + 1, adopted: false, fk, af, region, norrby, soderby));
        foreach (var insats in DemoInsatser.Skapa(forbund.Id, year, fk, af, region, norrby, soderby))
        {
            db.Insatser.Add(insats);
            db.Diarieposter.AddRange(DemoSus.Fyll(insats, year));
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
}
