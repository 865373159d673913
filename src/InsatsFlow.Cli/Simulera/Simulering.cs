using System.Diagnostics;
using System.Text.Json;
using InsatsFlow.Core.Data;
using InsatsFlow.Core.Dokument;
using InsatsFlow.Core.Livscykel;
using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Data;
using InsatsFlow.Data.Dokument;
using InsatsFlow.Data.Engine;
using InsatsFlow.Data.Notifieringar;
using InsatsFlow.Data.Rules;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static InsatsFlow.Cli.Simulera.Simuleringsdata;

namespace InsatsFlow.Cli.Simulera;

/// <summary>
/// Drives whole lifecycles on InsatsFlow's own engine: per förbund and year one budget process and a number of
/// insatser, each from idé to avslut (or avslag) with simulated people completing their tasks through
/// <see cref="Uppgiftsslutforande"/> (valid form data, a few days' delay) and the clock moved to each timer.
/// Each lifecycle runs to its end before the next starts, so the clock is set back to the next one's start.
/// </summary>
public sealed class Simulering
{
    private const int ForstaAr = 2027;

    public sealed record Resultat(int Insatser, int Budgetar, int Kommandon, long Flodesnoder, TimeSpan Tid, IReadOnlyDictionary<string, int> Utfall);

    private readonly Random slump;
    private readonly Dictionary<string, int> utfall = [];
    private int kommandon;
    private int insatser;
    private int budgetar;

    private Simulering(int fro) => slump = new Random(fro);

    /// <summary>
    /// Creates the database, the förbund and the deployments, then runs the förbund split over
    /// <paramref name="parallell"/> workers, each with its own clock and service provider on the same file.
    /// </summary>
    public static async Task<Resultat> KorAsync(string repo, string databas, int antalForbund, int antalAr, int insatserPerAr, int fro, int parallell,
        TextWriter logg, CancellationToken ct)
    {
        if (File.Exists(databas)) File.Delete(databas);
        var slump = new Random(fro);
        var forbund = new List<SimuleratForbund>();
        await using (var provider = Bygg(repo, databas, new SimuleradKlocka(new DateTimeOffset(ForstaAr - 1, 8, 1, 7, 0, 0, TimeSpan.Zero))))
        using (var scope = provider.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>();
            await DatabaseSetup.MigrateAsync(db, ct);
            for (var f = 1; f <= antalForbund; f++)
            {
                var s = Simuleringsdata.Forbund(f, ForstaAr, ForstaAr + antalAr, slump);
                db.Forbund.Add(s.Forbund);
                db.Styrelser.Add(s.Styrelse);
                for (var ar = ForstaAr; ar < ForstaAr + antalAr + 4; ar++) db.Arsbudgetar.Add(Budget(s.Forbund, ar));
                forbund.Add(s);
            }
            await db.SaveChangesAsync(ct);
            var engine = scope.ServiceProvider.GetRequiredService<ProcessEngine>();
            foreach (var fil in new[] { "insats-livscykel.bpmn", "budgetprocess.bpmn" })
                await engine.DeployAsync(await File.ReadAllTextAsync(Path.Combine(repo, "workflows", fil), ct), fil, ct);
        }

        var synkad = TextWriter.Synchronized(logg);
        var klockslag = Stopwatch.StartNew();
        var arbetare = Enumerable.Range(0, Math.Max(1, parallell)).Select(i => new Simulering(fro + 1 + i)).ToList();
        await Task.WhenAll(arbetare.Select((a, i) => Task.Run(() =>
            a.KorForbundAsync(repo, databas, forbund.Where((_, n) => n % arbetare.Count == i).ToList(), antalAr, insatserPerAr, synkad, klockslag, ct), ct)));
        klockslag.Stop();

        long noder;
        await using (var provider = Bygg(repo, databas, new SimuleradKlocka(DateTimeOffset.UtcNow)))
        using (var scope = provider.CreateScope())
            noder = await scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>().Set<JournalEntry>().LongCountAsync(j => j.Event == "element-entered", ct);
        var utfall = arbetare.SelectMany(a => a.utfall).GroupBy(u => u.Key).ToDictionary(g => g.Key, g => g.Sum(u => u.Value));
        return new Resultat(arbetare.Sum(a => a.insatser), arbetare.Sum(a => a.budgetar), arbetare.Sum(a => a.kommandon), noder, klockslag.Elapsed, utfall);
    }

    private static ServiceProvider Bygg(string repo, string databas, SimuleradKlocka klocka)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(klocka);
        services.AddDbContext<InsatsFlowDbContext>(o => o.UseInsatsFlowDatabase($"Data Source={databas}").AddInterceptors(new SnabbSqlite()));
        services.AddScoped<IDomanData>(sp => sp.GetRequiredService<InsatsFlowDbContext>());
        services.AddInsatsFlowEngine();
        services.AddInsatsFlowRules(Path.Combine(repo, "rules"));
        services.AddDokument(new DokumentOptions { Mallkatalog = Path.Combine(repo, "templates") });
        services.AddNotifieringar(new SmtpOptions());
        services.AddInsatsFlowLivscykel(Path.Combine(repo, "forms"));
        return services.BuildServiceProvider();
    }

    private async Task KorForbundAsync(string repo, string databas, IReadOnlyList<SimuleratForbund> forbund, int antalAr, int insatserPerAr,
        TextWriter logg, Stopwatch klockslag, CancellationToken ct)
    {
        var klocka = new SimuleradKlocka(new DateTimeOffset(ForstaAr - 1, 8, 1, 7, 0, 0, TimeSpan.Zero));
        await using var provider = Bygg(repo, databas, klocka);
        foreach (var f in forbund)
        {
            var paragraf = 0;
            for (var ar = ForstaAr; ar < ForstaAr + antalAr; ar++)
            {
                klocka.Nu = new DateTimeOffset(ar - 1, 8, 15, 7, 0, 0, TimeSpan.Zero);
                await BudgetAsync(provider, klocka, f, ar, ct);
                budgetar++;
                for (var i = 0; i < insatserPerAr; i++)
                {
                    klocka.Nu = new DateTimeOffset(ar, 1, 10, 7, 0, 0, TimeSpan.Zero).AddDays(slump.Next(0, 330));
                    await InsatsAsync(provider, klocka, f, () => ++paragraf, ct);
                    insatser++;
                }
            }
            logg.WriteLine($"  {f.Forbund.Namn}: klar efter {klockslag.Elapsed.TotalSeconds:0.0} s");
        }
    }

    private async Task InsatsAsync(ServiceProvider provider, SimuleradKlocka klocka, SimuleratForbund f, Func<int> nastaParagraf, CancellationToken ct)
    {
        string instans;
        using (var scope = provider.CreateScope())
        {
            var (_, start) = await scope.ServiceProvider.GetRequiredService<Livscykelstart>()
                .StartaInsatsAsync(f.Forbund.Id, $"Insats {slump.Next(1000, 9999)}", f.Medlemsnamn[3], "sokande", ct: ct);
            instans = start.InstanceId!;
            kommandon++;
        }
        // What this insats will meet: the mix a förbund sees over a year.
        var tarning = slump.NextDouble();
        var ideAvslag = tarning < 0.08;
        var komplettera = tarning is >= 0.08 and < 0.18;
        var felKostnad = tarning is >= 0.18 and < 0.23;
        var styrelseAvslag = tarning is >= 0.23 and < 0.30;
        var aterremiss = tarning is >= 0.30 and < 0.35;
        var alternativ = Alternativ[slump.Next(Alternativ.Length)];
        var kompletterad = false;
        var felRattad = false;
        var remitterad = false;

        for (var steg = 0; steg < 200; steg++)
        {
            var (uppgifter, timers) = await LageAsync(provider, instans, ct);
            if (uppgifter.Count == 0)
            {
                if (!await NastaTimerAsync(provider, klocka, timers, null, ct)) break;
                continue;
            }
            var uppgift = uppgifter.OrderBy(t => t.CreatedAt).First();
            var nar = klocka.Nu.AddDays(slump.Next(1, uppgift.ElementId == "Activity_uppfoljningsrapport" && slump.NextDouble() < 0.05 ? 45 : 12));
            if (await NastaTimerAsync(provider, klocka, timers, nar, ct)) continue;
            klocka.Nu = nar;
            var idag = DateOnly.FromDateTime(nar.UtcDateTime);
            object data = uppgift.FormKey switch
            {
                "idefas" => Idefas(steg),
                "beredning-beslut" => new { ideBeslut = ideAvslag ? "avsla" : komplettera && !kompletterad ? "komplettera" : "vidare", motivering = "Bedömning." },
                "ansokan" => Ansokan(idag.AddMonths(2), idag.AddMonths(2 + 12 * slump.Next(1, 3)).AddDays(-1),
                    [f.Medlemsnamn[0], f.Medlemsnamn[3]], felKostnad && !felRattad ? "Busskort till deltagarna" : null),
                "yttrande" => new { sammanfattning = "Vi tillstyrker.", tillstyrker = true },
                "forslag-till-beslut" => new { forslag = "bifall" },
                "styrelsebeslut" => Sammantrade(idag, nastaParagraf(), f.Ledamoter, new
                {
                    styrelsebeslut = styrelseAvslag ? "avslag" : aterremiss && !remitterad ? "aterremiss" : "bifall",
                }),
                "uppfoljningsrapport" => new { periodFran = D(idag.AddMonths(-6)), periodTill = D(idag), antalDeltagare = slump.Next(5, 40), sammanfattning = "Enligt plan." },
                "implementeringsforslag" => Implementering("foreslagetAlternativ", alternativ, idag.Year + 1),
                "implementeringsbeslut" => Sammantrade(idag, nastaParagraf(), f.Ledamoter, Implementering("implementeringsalternativ", alternativ, idag.Year + 1)),
                "slutrapport" => new { slutrapportDatum = D(idag), resultat = "Målen nåddes till stor del." },
                _ => throw new InvalidOperationException($"Simuleringen känner inte formuläret {uppgift.FormKey}."),
            };
            await SlutforAsync(provider, uppgift, data, ct);
            if (uppgift.FormKey == "beredning-beslut" && komplettera) kompletterad = true;
            if (uppgift.FormKey == "ansokan" && felKostnad) felRattad = true;
            if (uppgift.FormKey == "styrelsebeslut" && aterremiss) remitterad = true;
        }
        await AvslutaAsync(provider, instans, "insats", ct);
    }

    private async Task BudgetAsync(ServiceProvider provider, SimuleradKlocka klocka, SimuleratForbund f, int budgetar, CancellationToken ct)
    {
        string instans;
        using (var scope = provider.CreateScope())
        {
            instans = (await scope.ServiceProvider.GetRequiredService<Livscykelstart>().StartaBudgetAsync(f.Forbund.Id, budgetar, "kansli", ct: ct)).InstanceId!;
            kommandon++;
        }
        for (var steg = 0; steg < 100; steg++)
        {
            var (uppgifter, timers) = await LageAsync(provider, instans, ct);
            if (uppgifter.Count == 0)
            {
                if (!await NastaTimerAsync(provider, klocka, timers, null, ct)) break;
                continue;
            }
            var uppgift = uppgifter.OrderBy(t => t.CreatedAt).First();
            var nar = uppgift.FormKey == "budgetantagande" ? new DateTimeOffset(budgetar - 1, 11, 20, 9, 0, 0, TimeSpan.Zero)
                : uppgift.FormKey == "arsredovisning-upprattad" ? new DateTimeOffset(budgetar + 1, 3, 20, 9, 0, 0, TimeSpan.Zero)
                : klocka.Nu.AddDays(slump.Next(1, 8));
            if (await NastaTimerAsync(provider, klocka, timers, nar, ct)) continue;
            klocka.Nu = nar;
            var idag = DateOnly.FromDateTime(nar.UtcDateTime);
            var budget = Budget(f.Forbund, budgetar);
            object data = uppgift.FormKey switch
            {
                "budgetsamrad" => new { samradsdatum = D(idag) },
                "budgetforslag" => new
                {
                    intakter = budget.Intakter.Select(i => new { medlem = f.Forbund.Medlemmar.Single(m => m.Id == i.MedlemId).Namn, belopp = i.Belopp }).ToArray(),
                    kostnader = budget.Kostnader.Select(k => new { omrade = k.Omrade.ToString(), belopp = k.Belopp }).ToArray(),
                },
                "budgetpublicering" => new { publiceringsdatum = D(idag), webbadress = "https://forbund.example.se/budget" },
                "budgetantagande" => new { antagenDatum = D(idag) },
                "arsredovisning" => new { framtagenDatum = D(idag) },
                "arsredovisning-upprattad" => new { upprattadDatum = D(idag) },
                _ => throw new InvalidOperationException($"Simuleringen känner inte formuläret {uppgift.FormKey}."),
            };
            await SlutforAsync(provider, uppgift, data, ct);
        }
        await AvslutaAsync(provider, instans, "budget", ct);
    }

    /// <summary>The instance's open tasks and pending timers, read in one scope (one DbContext).</summary>
    private static async Task<(IReadOnlyList<TaskItem>, IReadOnlyList<TimerJob>)> LageAsync(ServiceProvider provider, string instans, CancellationToken ct)
    {
        using var scope = provider.CreateScope();
        var engine = scope.ServiceProvider.GetRequiredService<ProcessEngine>();
        return (await engine.TasksOfInstanceAsync(instans, ct: ct), await engine.PendingTimersAsync(instans, ct));
    }

    /// <summary>Fires the instance's next timer if it falls due before <paramref name="fore"/> (or at all, when null).</summary>
    private async Task<bool> NastaTimerAsync(ServiceProvider provider, SimuleradKlocka klocka, IReadOnlyList<TimerJob> timers, DateTimeOffset? fore, CancellationToken ct)
    {
        var nasta = timers.OrderBy(t => t.DueAt).FirstOrDefault();
        if (nasta is null || (fore is { } grans && nasta.DueAt > grans)) return false;
        if (nasta.DueAt > klocka.Nu) klocka.Nu = nasta.DueAt;
        await KorAsync(provider, e => e.FireTimerAsync(nasta.Id, ct));
        kommandon++;
        return true;
    }

    private async Task SlutforAsync(ServiceProvider provider, TaskItem uppgift, object data, CancellationToken ct)
    {
        using var scope = provider.CreateScope();
        var resultat = await scope.ServiceProvider.GetRequiredService<Uppgiftsslutforande>()
            .SlutforAsync(uppgift.Id, new TaskActor(uppgift.CandidateUserList.FirstOrDefault() ?? "simulerad", [.. uppgift.CandidateGroupList]), JsonSerializer.SerializeToElement(data), ct: ct);
        kommandon++;
        if (!resultat.Genomford)
            throw new InvalidOperationException($"Formuläret {uppgift.FormKey} nekades: {string.Join("; ", resultat.Fel)}");
    }

    private async Task AvslutaAsync(ServiceProvider provider, string instans, string slag, CancellationToken ct)
    {
        var incidenter = await KorAsync(provider, e => e.IncidentsAsync(instans, ct: ct));
        if (incidenter.Count > 0)
            throw new InvalidOperationException($"Instansen {instans} fick incidenter: {string.Join("; ", incidenter.Select(i => $"{i.ElementId}: {i.Message}"))}");
        var vy = await KorAsync(provider, e => e.GetInstanceAsync(instans, ct));
        var slut = vy.Instance.Status == InstanceStatus.Completed ? "avslutad" : "pågår vid " + string.Join(",", vy.Tokens.Select(t => t.ElementId));
        var nyckel = $"{slag}: {slut}";
        utfall[nyckel] = utfall.GetValueOrDefault(nyckel) + 1;
    }

    private static async Task<T> KorAsync<T>(ServiceProvider provider, Func<ProcessEngine, Task<T>> atgard)
    {
        using var scope = provider.CreateScope();
        return await atgard(scope.ServiceProvider.GetRequiredService<ProcessEngine>());
    }
}
