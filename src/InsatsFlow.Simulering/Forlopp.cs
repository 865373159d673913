using System.Text.Json;
using InsatsFlow.Core.Livscykel;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;
using Microsoft.Extensions.DependencyInjection;
using static InsatsFlow.Simulering.Simuleringsdata;

namespace InsatsFlow.Simulering;

/// <summary>Where a simulated lifecycle stopped short of its end: the element and why, in Swedish.</summary>
public sealed record Stopp(string? ElementId, string Orsak);

/// <summary>How one simulated lifecycle ended: completed, or the places it stopped.</summary>
public sealed record Forloppsslut(string InstansId, bool Avslutad, IReadOnlyList<string> Kvar, IReadOnlyList<Stopp> Stopp);

/// <summary>
/// One lifecycle at a time, driven as people would: simulated users complete each open task through
/// <see cref="Uppgiftsslutforande"/> with valid form data a few days later, and the clock is moved to each timer.
/// What cannot go on (a form refused, a form the simulation cannot fill in, an incident, a wait nothing resolves) is
/// returned as a <see cref="Stopp"/>, never thrown: the CLI treats any as an error, the designer's trial run reports them.
/// </summary>
public sealed class Forlopp(ServiceProvider provider, SimuleradKlocka klocka, Random slump)
{
    public int Kommandon { get; private set; }

    /// <summary>Registers an insats and runs <paramref name="process"/> (default the insats lifecycle) for it.</summary>
    public async Task<Forloppsslut> InsatsAsync(SimuleratForbund f, Func<int> nastaParagraf, CancellationToken ct, string? process = null)
    {
        string instans;
        using (var scope = provider.CreateScope())
        {
            var (_, start) = await scope.ServiceProvider.GetRequiredService<Livscykelstart>()
                .StartaInsatsAsync(f.Forbund.Id, $"Insats {slump.Next(1000, 9999)}", f.Medlemsnamn[3], "sokande", ct: ct, process: process);
            instans = start.InstanceId!;
            Kommandon++;
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

        return await KorTillSlutAsync(instans, 200, ct, (uppgift, steg) =>
        {
            var nar = klocka.Nu.AddDays(slump.Next(1, uppgift.ElementId == "Activity_uppfoljningsrapport" && slump.NextDouble() < 0.05 ? 45 : 12));
            return (nar, idag => uppgift.FormKey switch
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
                null => new { },
                _ => null,
            }, () =>
            {
                if (uppgift.FormKey == "beredning-beslut" && komplettera) kompletterad = true;
                if (uppgift.FormKey == "ansokan" && felKostnad) felRattad = true;
                if (uppgift.FormKey == "styrelsebeslut" && aterremiss) remitterad = true;
            });
        });
    }

    /// <summary>Runs the budget process for one förbund and budget year, from samråd to årsredovisning.</summary>
    public async Task<Forloppsslut> BudgetAsync(SimuleratForbund f, int budgetar, CancellationToken ct)
    {
        string instans;
        using (var scope = provider.CreateScope())
        {
            instans = (await scope.ServiceProvider.GetRequiredService<Livscykelstart>().StartaBudgetAsync(f.Forbund.Id, budgetar, "kansli", ct: ct)).InstanceId!;
            Kommandon++;
        }
        return await KorTillSlutAsync(instans, 100, ct, (uppgift, _) =>
        {
            var nar = uppgift.FormKey == "budgetantagande" ? new DateTimeOffset(budgetar - 1, 11, 20, 9, 0, 0, TimeSpan.Zero)
                : uppgift.FormKey == "arsredovisning-upprattad" ? new DateTimeOffset(budgetar + 1, 3, 20, 9, 0, 0, TimeSpan.Zero)
                : klocka.Nu.AddDays(slump.Next(1, 8));
            var budget = Budget(f.Forbund, budgetar);
            return (nar, idag => uppgift.FormKey switch
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
                null => new { },
                _ => null,
            }, null);
        });
    }

    /// <summary>
    /// The loop of a lifecycle: the first open task is completed at the time <paramref name="nasta"/> gives, unless a timer
    /// falls due before; with no task open, the next timer fires; with neither, the lifecycle is over (or stuck).
    /// </summary>
    private async Task<Forloppsslut> KorTillSlutAsync(string instans, int maxSteg, CancellationToken ct,
        Func<TaskItem, int, (DateTimeOffset Nar, Func<DateOnly, object?> Data, Action? Efter)> nasta)
    {
        var stopp = new List<Stopp>();
        var steg = 0;
        for (; steg < maxSteg; steg++)
        {
            ct.ThrowIfCancellationRequested();
            var (uppgifter, timers) = await LageAsync(instans, ct);
            if (uppgifter.Count == 0)
            {
                if (!await NastaTimerAsync(timers, null, ct)) break;
                continue;
            }
            var uppgift = uppgifter.OrderBy(t => t.CreatedAt).First();
            var (nar, dataFor, efter) = nasta(uppgift, steg);
            if (await NastaTimerAsync(timers, nar, ct)) continue;
            klocka.Nu = nar;
            var data = dataFor(DateOnly.FromDateTime(nar.UtcDateTime));
            if (data is null)
            {
                stopp.Add(new(uppgift.ElementId, $"Simuleringen kan inte fylla i formuläret {uppgift.FormKey} i steget {Namn(uppgift)}."));
                break;
            }
            var fel = await SlutforAsync(uppgift, data, ct);
            if (fel is not null)
            {
                stopp.Add(new(uppgift.ElementId, $"Formuläret {uppgift.FormKey} i steget {Namn(uppgift)} nekades: {fel}"));
                break;
            }
            efter?.Invoke();
        }
        if (steg == maxSteg) stopp.Add(new(null, $"Processen nådde inte sitt slut på {maxSteg} steg; den går troligen i en slinga."));

        var incidenter = await KorAsync(e => e.IncidentsAsync(instans, ct: ct));
        stopp.AddRange(incidenter.Select(i => new Stopp(i.ElementId, $"Incident i {i.ElementId}: {i.Message}")));
        var vy = await KorAsync(e => e.GetInstanceAsync(instans, ct));
        var avslutad = vy.Instance.Status == InstanceStatus.Completed;
        var kvar = avslutad ? [] : vy.Tokens.Select(t => t.ElementId).ToList();
        // a token left where no task, timer or incident holds it waits for something nothing in the simulation sends
        if (!avslutad && stopp.Count == 0)
            stopp.AddRange(kvar.Distinct().Select(e => new Stopp(e, "Väntar på något som aldrig kom (ett meddelande eller en signal).")));
        return new Forloppsslut(instans, avslutad, kvar, stopp);
    }

    private static string Namn(TaskItem uppgift) => uppgift.Name is { Length: > 0 } n ? $"\"{n}\" ({uppgift.ElementId})" : uppgift.ElementId;

    /// <summary>The instance's open tasks and pending timers, read in one scope (one DbContext).</summary>
    private async Task<(IReadOnlyList<TaskItem>, IReadOnlyList<TimerJob>)> LageAsync(string instans, CancellationToken ct)
    {
        using var scope = provider.CreateScope();
        var engine = scope.ServiceProvider.GetRequiredService<ProcessEngine>();
        return (await engine.TasksOfInstanceAsync(instans, ct: ct), await engine.PendingTimersAsync(instans, ct));
    }

    /// <summary>Fires the instance's next timer if it falls due before <paramref name="fore"/> (or at all, when null).</summary>
    private async Task<bool> NastaTimerAsync(IReadOnlyList<TimerJob> timers, DateTimeOffset? fore, CancellationToken ct)
    {
        var nastaTimer = timers.OrderBy(t => t.DueAt).FirstOrDefault();
        if (nastaTimer is null || (fore is { } grans && nastaTimer.DueAt > grans)) return false;
        if (nastaTimer.DueAt > klocka.Nu) klocka.Nu = nastaTimer.DueAt;
        await KorAsync(e => e.FireTimerAsync(nastaTimer.Id, ct));
        Kommandon++;
        return true;
    }

    /// <summary>Completes the task as its first candidate; the refusal's reasons, or null when it went through.</summary>
    private async Task<string?> SlutforAsync(TaskItem uppgift, object data, CancellationToken ct)
    {
        using var scope = provider.CreateScope();
        var resultat = await scope.ServiceProvider.GetRequiredService<Uppgiftsslutforande>()
            .SlutforAsync(uppgift.Id, new TaskActor(uppgift.CandidateUserList.FirstOrDefault() ?? "simulerad", [.. uppgift.CandidateGroupList]), JsonSerializer.SerializeToElement(data), ct: ct);
        Kommandon++;
        return resultat.Genomford ? null : string.Join("; ", resultat.Fel);
    }

    private async Task<T> KorAsync<T>(Func<ProcessEngine, Task<T>> atgard)
    {
        using var scope = provider.CreateScope();
        return await atgard(scope.ServiceProvider.GetRequiredService<ProcessEngine>());
    }
}
