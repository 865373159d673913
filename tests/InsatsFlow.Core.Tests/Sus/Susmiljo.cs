using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;
using InsatsFlow.Core.Sus;
using InsatsFlow.Core.Tests.Livscykel;
using InsatsFlow.Data;
using InsatsFlow.Data.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Core.Tests.Sus;

/// <summary>A real SQLite file with the repository's rules/ and sus/, a förbund of three members and its 2026 budget.</summary>
public sealed class Susmiljo : IDisposable
{
    private readonly TestDatabase databas = new();
    private readonly ServiceProvider tjanster;

    public Susmiljo(string? susKatalog = null)
    {
        var rot = Livscykelmiljo.Repo();
        var services = new ServiceCollection();
        services.AddDbContext<InsatsFlowDbContext>(o => o.UseInsatsFlowDatabase(databas.ConnectionString));
        services.AddScoped<IDomanData>(sp => sp.GetRequiredService<InsatsFlowDbContext>());
        services.AddInsatsFlowRules(Path.Combine(rot, "rules"));
        services.AddInsatsFlowSus(susKatalog ?? Path.Combine(rot, "sus"));
        tjanster = services.BuildServiceProvider();
        Fk = Forbund.LaggTillMedlem("Försäkringskassan", MedlemsTyp.Forsakringskassan);
        Region = Forbund.LaggTillMedlem("Region Dalarna", MedlemsTyp.Region);
        Kommun = Forbund.LaggTillMedlem("Norrby kommun", MedlemsTyp.Kommun);
    }

    public Forbund Forbund { get; } = new() { Namn = "Samordningsförbundet Älvdalen", Organisationsnummer = "222000-1234" };
    public Medlem Fk { get; }
    public Medlem Region { get; }
    public Medlem Kommun { get; }

    public async Task SparaAsync(params object[] entiteter)
    {
        await using var db = databas.NyContext();
        if (!await db.Forbund.AnyAsync(f => f.Id == Forbund.Id))
        {
            db.Forbund.Add(Forbund);
            db.Arsbudgetar.Add(new Arsbudget
            {
                ForbundId = Forbund.Id, Ar = 2026, EgetKapital = 400_000m,
                Intakter = [new() { MedlemId = Fk.Id, Belopp = 2_000_000m }, new() { MedlemId = Region.Id, Belopp = 1_000_000m }, new() { MedlemId = Kommun.Id, Belopp = 1_000_000m }],
                Kostnader = [new() { Omrade = Kostnadsomrade.Insatser, Belopp = 3_500_000m }],
            });
        }
        db.AddRange(entiteter);
        await db.SaveChangesAsync();
    }

    public async Task<T> MedAsync<T>(Func<IServiceProvider, Task<T>> arbete)
    {
        await using var scope = tjanster.CreateAsyncScope();
        return await arbete(scope.ServiceProvider);
    }

    /// <summary>A granted individinriktad insats 2026–2027 with every SUS field.</summary>
    public Insats Komplett(string diarienummer = "SF 2025/031", string titel = "Vägen till arbete")
    {
        var insats = new Insats
        {
            ForbundId = Forbund.Id, Diarienummer = diarienummer, Titel = titel, SokandeOrganisation = "Norrby kommun", Fas = InsatsFas.Genomforande,
            PeriodStart = new DateOnly(2026, 1, 1), PeriodSlut = new DateOnly(2027, 12, 31),
            Sus = new SusUppgifter
            {
                Beskrivning = "Samordnat stöd till arbete för sjukskrivna.", Inriktning = "individinriktad", PreciseradInriktning = "samordnad-rehabilitering",
                Matningsmetod = "personuppgifter-eller-anonym", Malgrupper = ["sjukskrivna", "psykisk-ohalsa"],
            },
            SusArsplaner = [new() { Ar = 2026, PlaneradeDeltagare = 40 }, new() { Ar = 2027, PlaneradeDeltagare = 45 }],
            SusBudgetposter =
            [
                new() { Ar = 2026, Budgettyp = "insatskostnad", Budget = 900_000m, Utfall = 850_250.5m, Beskrivning = "Två samordnare." },
                new() { Ar = 2026, Budgettyp = "esf-insatskostnad", Budget = 100_000m },
                new() { Ar = 2027, Budgettyp = "insatskostnad", Budget = 950_000m },
            ],
        };
        insats.Beslut.Add(new Beslut { InsatsId = insats.Id, Typ = BeslutsTyp.Bifall, Datum = new DateOnly(2025, 11, 20), Paragraf = 41, BeviljatBelopp = 1_950_000m });
        insats.Budgetrader.Add(new Budgetrad { Kostnadstyp = "personal", Ar = 2026, Belopp = 1_000_000m });
        insats.Budgetrader.Add(new Budgetrad { Kostnadstyp = "personal", Ar = 2027, Belopp = 950_000m });
        return insats;
    }

    public void Dispose()
    {
        tjanster.Dispose();
        databas.Dispose();
    }
}
