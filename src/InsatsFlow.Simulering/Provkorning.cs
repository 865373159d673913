using InsatsFlow.Core.Kalender;
using InsatsFlow.Core.Livscykel;
using InsatsFlow.Data;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Parsing;
using InsatsFlow.Engine.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Simulering;

/// <summary>Limits of one trial run, so a request cannot run away: how many insatser at most, and for how long.</summary>
public sealed class ProvkorningOptions
{
    public const string Sektion = "InsatsFlow:Provkorning";

    public int MaxInsatser { get; set; } = 50;

    public TimeSpan Tidsgrans { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>A draft the trial run refuses before running anything: each problem names its element.</summary>
public sealed class ProvkorningNekad(string meddelande, IReadOnlyList<BpmnProblem> problem) : Exception(meddelande)
{
    public IReadOnlyList<BpmnProblem> Problem { get; } = problem;
}

public sealed record Elementbesok(string Id, string? Namn, string Typ, int Ganger, int Insatser);

public sealed record Flodesbesok(string Id, string Fran, string Till, int Ganger);

public sealed record Fastnad(string? ElementId, string? Namn, string Orsak, int Insatser);

/// <summary>How long the insatser stayed in one phase, in Swedish working days (from entering it to entering the next, or the end).</summary>
public sealed record Fasvaraktighet(string Fas, int Insatser, int Minst, double Median, double Medel, int Mest);

public sealed record Provkorningsresultat(
    string ProcessNyckel, string? Processnamn, int Insatser, int Avslutade, bool Avbruten, string? Avbrott,
    IReadOnlyList<Elementbesok> Element, IReadOnlyList<Flodesbesok> Floden, IReadOnlyList<Fastnad> Fastnade, IReadOnlyList<Fasvaraktighet> Faser);

/// <summary>
/// "Provkör utkastet": runs an unpublished draft against N synthetic insatser (or budget years, for the budget process)
/// on a SQLite file of its own that is deleted afterwards, with the same simulated people as <c>insatsflow simulate</c>.
/// It reports which elements and sequence flows were taken and how often, where lifecycles stopped, and how long each
/// phase (a <c>fas</c> service task) lasted in working days. The host's database is never touched and nothing is published.
/// </summary>
public sealed class Provkorning(Simuleringskataloger kataloger, ProvkorningOptions granser)
{
    private const int ForstaAr = 2027;

    // One run at a time: each builds its own services and database, and the machine is shared with the real work.
    private static readonly SemaphoreSlim EnAtGangen = new(1, 1);

    public ProvkorningOptions Granser => granser;

    /// <summary>False when another trial run holds the slot; the caller answers "try again shortly".</summary>
    public async Task<Provkorningsresultat?> ForsokKoraAsync(string xml, int antal, int fro, CancellationToken ct)
    {
        if (!await EnAtGangen.WaitAsync(0, ct)) return null;
        try { return await KorAsync(xml, antal, fro, ct); }
        finally { EnAtGangen.Release(); }
    }

    private async Task<Provkorningsresultat> KorAsync(string xml, int antal, int fro, CancellationToken ct)
    {
        if (antal < 1 || antal > granser.MaxInsatser)
            throw new ProvkorningNekad($"Antalet insatser ska vara mellan 1 och {granser.MaxInsatser}.", []);
        var databas = Path.Combine(Path.GetTempPath(), $"insatsflow-provkorning-{Guid.NewGuid():N}.db");
        var klocka = new SimuleradKlocka(new DateTimeOffset(ForstaAr - 1, 8, 1, 7, 0, 0, TimeSpan.Zero));
        using var tidsgrans = CancellationTokenSource.CreateLinkedTokenSource(ct);
        tidsgrans.CancelAfter(granser.Tidsgrans);
        try
        {
            await using var provider = Simuleringsmiljo.Bygg(kataloger, databas, klocka, poolad: false);
            var modell = await ForberedAsync(provider, xml, ct);
            var slump = new Random(fro);
            var forbund = Simuleringsdata.Forbund(1, ForstaAr, ForstaAr + 3, slump);
            using (var scope = provider.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>();
                db.Forbund.Add(forbund.Forbund);
                db.Styrelser.Add(forbund.Styrelse);
                for (var ar = ForstaAr - 1; ar < ForstaAr + 8; ar++) db.Arsbudgetar.Add(Simuleringsdata.Budget(forbund.Forbund, ar));
                await db.SaveChangesAsync(ct);
            }

            var forlopp = new Forlopp(provider, klocka, slump);
            var sluten = new List<Forloppsslut>();
            string? avbrott = null;
            var paragraf = 0;
            var budget = modell.Key == Livscykelstart.Budgetprocess;
            for (var i = 0; i < antal; i++)
            {
                try
                {
                    if (budget)
                    {
                        klocka.Nu = new DateTimeOffset(ForstaAr + i - 1, 8, 15, 7, 0, 0, TimeSpan.Zero);
                        sluten.Add(await forlopp.BudgetAsync(forbund, ForstaAr + i, tidsgrans.Token));
                    }
                    else
                    {
                        klocka.Nu = new DateTimeOffset(ForstaAr, 1, 10, 7, 0, 0, TimeSpan.Zero).AddDays(slump.Next(0, 330));
                        sluten.Add(await forlopp.InsatsAsync(forbund, () => ++paragraf, tidsgrans.Token, modell.Key));
                    }
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    avbrott = $"Tidsgränsen på {granser.Tidsgrans.TotalSeconds:0} sekunder nåddes efter {sluten.Count} av {antal} {(budget ? "budgetår" : "insatser")}; resultatet gäller dem.";
                    break;
                }
            }
            return await SammanstallAsync(provider, modell, sluten, avbrott, ct);
        }
        finally
        {
            foreach (var fil in new[] { databas, databas + "-wal", databas + "-shm" })
                if (File.Exists(fil)) File.Delete(fil);
        }
    }

    /// <summary>Parses and deploys the draft on the throw-away database; a bad draft is refused with its problems.</summary>
    private static async Task<ProcessModel> ForberedAsync(ServiceProvider provider, string xml, CancellationToken ct)
    {
        var registry = provider.GetRequiredService<DefinitionRegistry>();
        IReadOnlyList<ProcessModel> modeller;
        try { modeller = BpmnParser.Parse(xml, null, registry.Host); }
        catch (BpmnValidationException e)
        {
            throw new ProvkorningNekad("Utkastet kan inte provköras förrän problemen är rättade; inget har körts.", e.Problems);
        }
        if (modeller.Count != 1)
            throw new ProvkorningNekad($"Utkastet har {modeller.Count} processer; provkörningen kör en i taget.", []);
        using var scope = provider.CreateScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>(), ct);
        try { await scope.ServiceProvider.GetRequiredService<ProcessEngine>().DeployAsync(xml, $"{modeller[0].Key}.bpmn", ct); }
        catch (BpmnValidationException e)
        {
            throw new ProvkorningNekad("Utkastet kan inte provköras förrän problemen är rättade; inget har körts.", e.Problems);
        }
        catch (EngineException e)
        {
            throw new ProvkorningNekad("Utkastet kan inte provköras: " + e.Message, []);
        }
        return modeller[0];
    }

    private static async Task<Provkorningsresultat> SammanstallAsync(ServiceProvider provider, ProcessModel modell, IReadOnlyList<Forloppsslut> sluten,
        string? avbrott, CancellationToken ct)
    {
        List<JournalEntry> journal;
        using (var scope = provider.CreateScope())
            journal = await scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>().Set<JournalEntry>().AsNoTracking()
                .Where(j => j.Event == "element-entered" || j.Event == "instance-completed").ToListAsync(ct);
        var arbetsdagar = provider.GetRequiredService<SvenskaArbetsdagar>();
        var instanser = sluten.Select(s => s.InstansId).ToHashSet();
        var perInstans = journal.Where(j => instanser.Contains(j.InstanceId)).GroupBy(j => j.InstanceId)
            .ToDictionary(g => g.Key, g => g.OrderBy(j => j.Sequence).ToList());

        var element = new Dictionary<string, (int Ganger, HashSet<string> Insatser)>();
        var floden = new Dictionary<string, int>();
        var faser = new Dictionary<string, List<int>>();
        var fasordning = new List<string>();
        foreach (var (instans, poster) in perInstans)
        {
            var senast = new Dictionary<string, int>();
            (string Fas, DateTimeOffset Fran)? fas = null;
            for (var n = 0; n < poster.Count; n++)
            {
                var post = poster[n];
                if (post.Event == "instance-completed" || post.ElementId is not { } id || !modell.Elements.TryGetValue(id, out var el))
                {
                    if (post.Event == "instance-completed" && fas is { } f) Lagg(faser, fasordning, f.Fas, arbetsdagar, f.Fran, post.At);
                    if (post.Event == "instance-completed") fas = null;
                    continue;
                }
                var (ganger, insatser) = element.GetValueOrDefault(id, (0, []));
                insatser.Add(instans);
                element[id] = (ganger + 1, insatser);
                // The engine journals the element entered, not the flow: the flow is the incoming one whose source was entered last.
                var flode = el.Incoming.Where(s => senast.ContainsKey(s.SourceId)).MaxBy(s => senast[s.SourceId]);
                if (flode is not null) floden[flode.Id] = floden.GetValueOrDefault(flode.Id) + 1;
                senast[id] = n;
                if (el is ServiceTask { Handler: "fas" })
                {
                    if (fas is { } forra) Lagg(faser, fasordning, forra.Fas, arbetsdagar, forra.Fran, post.At);
                    fas = (Fasnamn(el), post.At);
                }
            }
        }

        var fastnade = sluten.SelectMany(s => s.Stopp.Select(p => (s.InstansId, p)))
            .GroupBy(x => (x.p.ElementId, x.p.Orsak))
            .Select(g => new Fastnad(g.Key.ElementId, g.Key.ElementId is { } e && modell.Elements.TryGetValue(e, out var el) ? el.Name : null,
                g.Key.Orsak, g.Select(x => x.InstansId).Distinct().Count()))
            .OrderByDescending(f => f.Insatser).ToList();
        return new Provkorningsresultat(
            modell.Key, modell.Name, sluten.Count, sluten.Count(s => s.Avslutad), avbrott is not null, avbrott,
            [.. element.Select(e => new Elementbesok(e.Key, modell.Elements[e.Key].Name, Elementtyper.Namn(modell.Elements[e.Key].Kind), e.Value.Ganger, e.Value.Insatser.Count))
                .OrderBy(e => modell.Elements[e.Id].Line)],
            [.. floden.Select(f => new Flodesbesok(f.Key, modell.Flows[f.Key].SourceId, modell.Flows[f.Key].TargetId, f.Value))
                .OrderBy(f => modell.Flows[f.Id].Line)],
            fastnade,
            [.. fasordning.Select(f => Varaktighet(f, faser[f]))]);
    }

    private static void Lagg(Dictionary<string, List<int>> faser, List<string> ordning, string fas, SvenskaArbetsdagar kalender, DateTimeOffset fran, DateTimeOffset till)
    {
        if (!faser.TryGetValue(fas, out var lista))
        {
            faser[fas] = lista = [];
            ordning.Add(fas);
        }
        lista.Add(kalender.RaknaArbetsdagar(Dag(fran), Dag(till)));
    }

    private static DateOnly Dag(DateTimeOffset t) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t, SvenskaArbetsdagar.Stockholm).DateTime);

    /// <summary>"Fas: Beredning" reads "Beredning"; a fas step without a name shows its property.</summary>
    private static string Fasnamn(FlowElement el) =>
        el.Name is { Length: > 0 } n ? (n.StartsWith("Fas: ", StringComparison.Ordinal) ? n[5..] : n) : el.Properties.GetValueOrDefault("fas") ?? el.Id;

    private static Fasvaraktighet Varaktighet(string fas, List<int> dagar)
    {
        var sorterade = dagar.Order().ToList();
        var mitt = sorterade.Count / 2;
        var median = sorterade.Count % 2 == 1 ? sorterade[mitt] : (sorterade[mitt - 1] + sorterade[mitt]) / 2.0;
        return new Fasvaraktighet(fas, sorterade.Count, sorterade[0], median, Math.Round(sorterade.Average(), 1), sorterade[^1]);
    }
}
