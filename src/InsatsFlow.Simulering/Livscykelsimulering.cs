using System.Diagnostics;
using InsatsFlow.Core.Data;
using InsatsFlow.Data;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static InsatsFlow.Simulering.Simuleringsdata;

namespace InsatsFlow.Simulering;

/// <summary>
/// Drives whole lifecycles on InsatsFlow's own engine: per förbund and year one budget process and a number of
/// insatser, each from idé to avslut (or avslag), driven by <see cref="Forlopp"/>.
/// Each lifecycle runs to its end before the next starts, so the clock is set back to the next one's start.
/// </summary>
public sealed class Livscykelsimulering
{
    private const int ForstaAr = 2027;

    public sealed record Resultat(int Insatser, int Budgetar, int Kommandon, long Flodesnoder, TimeSpan Tid, IReadOnlyDictionary<string, int> Utfall);

    private readonly Random slump;
    private readonly Dictionary<string, int> utfall = [];
    private int kommandon;
    private int insatser;
    private int budgetar;

    private Livscykelsimulering(int fro) => slump = new Random(fro);

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
        var kataloger = Simuleringskataloger.FranRepo(repo);
        await using (var provider = Simuleringsmiljo.Bygg(kataloger, databas, new SimuleradKlocka(new DateTimeOffset(ForstaAr - 1, 8, 1, 7, 0, 0, TimeSpan.Zero))))
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
        var arbetare = Enumerable.Range(0, Math.Max(1, parallell)).Select(i => new Livscykelsimulering(fro + 1 + i)).ToList();
        await Task.WhenAll(arbetare.Select((a, i) => Task.Run(() =>
            a.KorForbundAsync(kataloger, databas, forbund.Where((_, n) => n % arbetare.Count == i).ToList(), antalAr, insatserPerAr, synkad, klockslag, ct), ct)));
        klockslag.Stop();

        long noder;
        await using (var provider = Simuleringsmiljo.Bygg(kataloger, databas, new SimuleradKlocka(DateTimeOffset.UtcNow)))
        using (var scope = provider.CreateScope())
            noder = await scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>().Set<JournalEntry>().LongCountAsync(j => j.Event == "element-entered", ct);
        var utfall = arbetare.SelectMany(a => a.utfall).GroupBy(u => u.Key).ToDictionary(g => g.Key, g => g.Sum(u => u.Value));
        return new Resultat(arbetare.Sum(a => a.insatser), arbetare.Sum(a => a.budgetar), arbetare.Sum(a => a.kommandon), noder, klockslag.Elapsed, utfall);
    }

    private async Task KorForbundAsync(Simuleringskataloger kataloger, string databas, IReadOnlyList<SimuleratForbund> forbund, int antalAr, int insatserPerAr,
        TextWriter logg, Stopwatch klockslag, CancellationToken ct)
    {
        var klocka = new SimuleradKlocka(new DateTimeOffset(ForstaAr - 1, 8, 1, 7, 0, 0, TimeSpan.Zero));
        await using var provider = Simuleringsmiljo.Bygg(kataloger, databas, klocka);
        var forlopp = new Forlopp(provider, klocka, slump);
        foreach (var f in forbund)
        {
            var paragraf = 0;
            for (var ar = ForstaAr; ar < ForstaAr + antalAr; ar++)
            {
                klocka.Nu = new DateTimeOffset(ar - 1, 8, 15, 7, 0, 0, TimeSpan.Zero);
                await KorAsync(forlopp, l => l.BudgetAsync(f, ar, ct), "budget");
                budgetar++;
                for (var i = 0; i < insatserPerAr; i++)
                {
                    klocka.Nu = new DateTimeOffset(ar, 1, 10, 7, 0, 0, TimeSpan.Zero).AddDays(slump.Next(0, 330));
                    await KorAsync(forlopp, l => l.InsatsAsync(f, () => ++paragraf, ct), "insats");
                    insatser++;
                }
            }
            logg.WriteLine($"  {f.Forbund.Namn}: klar efter {klockslag.Elapsed.TotalSeconds:0.0} s");
        }
    }

    private async Task KorAsync(Forlopp forlopp, Func<Forlopp, Task<Forloppsslut>> livscykel, string slag)
    {
        var fore = forlopp.Kommandon;
        var slut = await livscykel(forlopp);
        kommandon += forlopp.Kommandon - fore;
        // the CLI measures lifecycles that run to their end: anything stopping one is a fault in the files or the engine
        if (slut.Stopp.Count > 0)
            throw new InvalidOperationException($"Instansen {slut.InstansId} stannade: {string.Join("; ", slut.Stopp.Select(s => s.ElementId is null ? s.Orsak : $"{s.ElementId}: {s.Orsak}"))}");
        var nyckel = $"{slag}: {(slut.Avslutad ? "avslutad" : "pågår vid " + string.Join(",", slut.Kvar))}";
        utfall[nyckel] = utfall.GetValueOrDefault(nyckel) + 1;
    }
}
