using System.Text.Json;
using InsatsFlow.Core.Livscykel;
using InsatsFlow.Data;
using InsatsFlow.Engine;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Web.Hosting;

/// <summary>
/// Running processes for the demo, so every inbox has something in it on first start: three new insatser
/// driven by the demo people to different steps of insats-livscykel, every seeded insats's lifecycle standing in its
/// phase, and next year's budget process. Each step goes through the same Uppgiftsslutforande as the inbox, in its own scope.
/// </summary>
public sealed class DemoProcesser(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DemoProcesser> logger)
{
    private static readonly TaskActor Sokande = new("sokande@demo.insatsflow.se", "sokande");
    private static readonly TaskActor Beredning = new("beredning.region@demo.insatsflow.se", "beredningsgrupp");

    public async Task StartaAsync(CancellationToken ct = default)
    {
        Guid forbundId;
        await using (var scope = scopes.CreateAsyncScope())
            forbundId = (await scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>().Forbund.SingleAsync(f => f.Organisationsnummer == Data.Demo.DemoSeeder.Organisationsnummer, ct)).Id;
        var ar = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm")).Year;

        // Waits for the sökande: the idé.
        await StartaInsatsAsync(forbundId, "Jobbcoach för nyanlända", "Söderby kommun, arbetsmarknadsenheten", ct);

        // Waits for the beredningsgrupp: the decision on the idé.
        var ide = await StartaInsatsAsync(forbundId, "Tidiga insatser vid sjukskrivning", "Region Demo, primärvården", ct);
        await SlutforAsync(ide, "Activity_idefas", Sokande, Ide("Sjukskrivna med lätt psykisk ohälsa får vänta länge på samordnat stöd."), ct);

        // Waits for the beredningsgrupp: one yttrande per involved medlem, each for that medlem's own representative.
        var beredning = await StartaInsatsAsync(forbundId, "Samordnat stöd för unga vuxna", "Norrby kommun", ct);
        await SlutforAsync(beredning, "Activity_idefas", Sokande, Ide("Unga vuxna i Norrby står långt från arbetsmarknaden."), ct);
        await SlutforAsync(beredning, "Activity_ide_beslut", Beredning, new { ideBeslut = "vidare", motivering = "Väl förankrad idé." }, ct);
        await SlutforAsync(beredning, "Activity_ansokan", Sokande, Ansokan(ar + 1), ct);

        // Every seeded insats gets its process standing in its phase.
        await SeddaInsatserAsync(forbundId, DemoFolk, ct);

        // Next year's budget: samråd with each medlem, for the kansli.
        await using (var scope = scopes.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Livscykelstart>().StartaBudgetAsync(forbundId, ar + 1, "kansli@demo.insatsflow.se", ct: ct);
        logger.LogInformation("Demoprocesser startade: tre insatser i olika steg och budgetprocessen för {Ar}.", ar + 1);
    }

    private static readonly TaskActor Kansli = new("kansli@demo.insatsflow.se", "kansli");

    /// <summary>The second förbund's processes: two insatser waiting for its sökande and its beredningsgrupp.</summary>
    public async Task StartaNordvikAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var forbundId = (await scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>().Forbund
            .SingleAsync(f => f.Organisationsnummer == Data.Demo.DemoSeeder.NordvikOrganisationsnummer, ct)).Id;
        var start = scope.ServiceProvider.GetRequiredService<Livscykelstart>();
        var kontakt = new Core.Domain.Kontaktperson { Namn = "Siv Sökare", Epost = Data.Demo.DemoSeeder.NordvikSokande, Organisation = "Nordviks kommun", Roll = "Sökande" };
        await start.StartaInsatsAsync(forbundId, "Kustens jobbspår", "Nordviks kommun", "kansli.nordvik@demo.insatsflow.se", ct: ct, kontaktperson: kontakt);
        await start.StartaInsatsAsync(forbundId, "Ålunda familjestöd", "Ålunda kommun", "kansli.nordvik@demo.insatsflow.se", ct: ct, kontaktperson: kontakt);
        await SeddaInsatserAsync(forbundId, NordvikFolk, ct);
        logger.LogInformation("Demoprocesser i Samordningsförbundet Nordvik startade: två nya insatser i idéfasen och de inlagda insatserna i sina faser.");
    }

    /// <summary>The people of one demo förbund who act in its seeded insatsers' steps.</summary>
    private sealed record Folk(string Kansli, string Beredning, string Styrelse, string Sokande);

    private static readonly Folk DemoFolk = new(Kansli.UserId, Beredning.UserId, "styrelse@demo.insatsflow.se", Sokande.UserId);
    private static readonly Folk NordvikFolk = new("kansli.nordvik@demo.insatsflow.se", "beredning.nordvik@demo.insatsflow.se",
        "styrelse.nordvik@demo.insatsflow.se", Data.Demo.DemoSeeder.NordvikSokande);

    /// <summary>
    /// Every seeded insats gets its lifecycle, driven by the förbund's demo people from what the seed says (the idé, the
    /// ansökan, one yttrande per medlem, the förslag, the styrelse's decision at its sammanträde, the uppföljningsrapporter,
    /// the implementeringsbeslut, the slutrapport), so it stands at the step of its phase with its history and its tasks
    /// are in the inboxes of those who hold them. The steps find the seeded decisions and reports by their natural keys
    /// (sammanträde and §, period) and complete them instead of writing them twice. Timers that stand between the
    /// steps (the uppföljning period, six months before the end, the end) are fired here, one by one, only where the
    /// seed says the insats has passed them; what is left waits for its own time, never for a time already past.
    /// </summary>
    private async Task SeddaInsatserAsync(Guid forbundId, Folk folk, CancellationToken ct)
    {
        List<Core.Domain.Insats> insatser;
        Dictionary<Guid, Core.Domain.Medlem> medlemmar;
        List<Core.Domain.Styrelse> styrelser;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>();
            insatser = await db.Insatser.AsNoTracking().Where(i => i.ForbundId == forbundId).OrderBy(i => i.Diarienummer).ToListAsync(ct);
            medlemmar = await db.Medlemmar.AsNoTracking().Where(m => m.ForbundId == forbundId).ToDictionaryAsync(m => m.Id, ct);
            styrelser = await db.Styrelser.AsNoTracking().Where(s => s.ForbundId == forbundId).ToListAsync(ct);
        }
        var konton = await MedlemskontonAsync(ct);
        foreach (var insats in insatser)
        {
            string instans;
            await using (var scope = scopes.CreateAsyncScope())
            {
                // the insatser started above have their process already
                if ((await scope.ServiceProvider.GetRequiredService<ProcessEngine>().FindInstancesAsync(Livscykelstart.Insatsprocess, insats.Id.ToString(), ct: ct)).Count > 0)
                    continue;
                instans = (await scope.ServiceProvider.GetRequiredService<Livscykelstart>().StartaForInsatsAsync(insats, folk.Kansli, ct)).InstanceId!;
            }
            await DrivAsync(instans, insats, folk, konton, medlemmar, styrelser, ct);
            await AterstallFashistorikAsync(insats, ct);
        }
    }

    private async Task DrivAsync(string instans, Core.Domain.Insats insats, Folk folk, IReadOnlyDictionary<Guid, string> konton,
        IReadOnlyDictionary<Guid, Core.Domain.Medlem> medlemmar, IReadOnlyList<Core.Domain.Styrelse> styrelser, CancellationToken ct)
    {
        var fas = insats.Fas;
        var sokande = new TaskActor(insats.Kontaktpersoner.Select(k => k.Epost).FirstOrDefault(e => e is not null) ?? folk.Sokande, "sokande");
        var kansli = new TaskActor(folk.Kansli, "kansli");
        var beredning = new TaskActor(folk.Beredning, "beredningsgrupp");
        var styrelse = new TaskActor(folk.Styrelse, "styrelse");
        if (fas == Core.Domain.InsatsFas.Idefas) return;
        await SlutforAsync(instans, "Activity_idefas", sokande, new
        {
            utgangspunkter = insats.Avsnitt.Utgangspunkter, mal = insats.Avsnitt.Mal,
            behovsgrupp = insats.Avsnitt.Behovsgrupp, aktiviteter = insats.Avsnitt.Aktiviteter,
        }, ct);
        var beslut = insats.Beslut.Where(b => b.Paragraf is not null).OrderBy(b => b.Datum).FirstOrDefault();
        if (fas == Core.Domain.InsatsFas.Avslagen && beslut is null)
        {
            // rejected as an idé by the beredningsgrupp: the seeded avslag is that decision
            var avslag = insats.Beslut.Single(b => b.Typ == Core.Domain.BeslutsTyp.Avslag);
            await SlutforAsync(instans, "Activity_ide_beslut", beredning, new { ideBeslut = "avsla", motivering = avslag.Motivering }, ct);
            return;
        }
        await SlutforAsync(instans, "Activity_ide_beslut", beredning, new { ideBeslut = "vidare", motivering = "Idén bör utvecklas till en ansökan." }, ct);
        if (fas == Core.Domain.InsatsFas.Ansokan) return;
        await SlutforAsync(instans, "Activity_ansokan", sokande, Ansokan(insats, medlemmar), ct);
        if (fas == Core.Domain.InsatsFas.Beredning) return;
        await YttrandenAsync(instans, konton, medlemmar, kansli.UserId, ct);
        await SlutforAsync(instans, "Activity_forslag_till_beslut", kansli,
            new { forslag = beslut?.Typ == Core.Domain.BeslutsTyp.Avslag ? "avslag" : "bifall", foreslagetBelopp = insats.BudgetSumma(), forslagMotivering = "Insatsen uppfyller förbundets prioriteringar." }, ct);
        if (fas == Core.Domain.InsatsFas.Styrelsebeslut) return;

        var beslutet = beslut ?? throw new InvalidOperationException($"Demoinsatsen {insats.Diarienummer} står i {fas} men har inget styrelsebeslut.");
        await SlutforAsync(instans, "Activity_styrelsebeslut", styrelse, new
        {
            sammantradesdatum = Dag(beslutet.Datum),
            paragraf = beslutet.Paragraf,
            narvarande = Narvarande(styrelser, beslutet.Datum),
            styrelsebeslut = beslutet.Typ == Core.Domain.BeslutsTyp.Avslag ? "avslag" : "bifall",
            beviljatBelopp = beslutet.BeviljatBelopp,
            motivering = beslutet.Motivering,
        }, ct);
        if (fas == Core.Domain.InsatsFas.Avslagen) return;

        foreach (var rapport in insats.Uppfoljningsrapporter.OrderBy(r => r.PeriodFran))
        {
            await AvfyraAsync(instans, "Event_uppfoljningsperiod", ct);
            await SlutforAsync(instans, "Activity_uppfoljningsrapport", sokande, new
            {
                periodFran = Dag(rapport.PeriodFran), periodTill = Dag(rapport.PeriodTill), antalDeltagare = rapport.AntalDeltagare,
                deltagarePaborjade = rapport.DeltagarePaborjade, deltagareAvslutade = rapport.DeltagareAvslutade,
                utfall = rapport.Utfall.Select(u => new { budgettyp = u.Budgettyp, belopp = u.Belopp }).ToArray(),
                sammanfattning = rapport.Sammanfattning,
            }, ct);
        }
        if (fas == Core.Domain.InsatsFas.Genomforande) return;

        await AvfyraAsync(instans, "Event_implementering_tid", ct);
        if (insats.Implementeringsbeslut is { Beslutsdatum: { } beslutsdatum } ib)
        {
            var detaljer = new
            {
                mottagandeOrganisation = ib.MottagandeOrganisation,
                spridning = ib.Spridning,
                delar = ib.Delar.Select(d => new { del = d.Beskrivning, organisation = d.Organisation, andel = d.Andel }).ToArray(),
                fortsattFinansiering = ib.FortsattFinansiering.Select(f => new { ar = f.Ar, belopp = f.Belopp, finansiar = f.Finansiar }).ToArray(),
            };
            await SlutforAsync(instans, "Activity_implementeringsforslag", beredning, new
            {
                foreslagetAlternativ = ib.Alternativ.ToString(), detaljer.mottagandeOrganisation, detaljer.spridning, detaljer.delar, detaljer.fortsattFinansiering,
            }, ct);
            await SlutforAsync(instans, "Activity_implementeringsbeslut", styrelse, new
            {
                sammantradesdatum = Dag(beslutsdatum),
                paragraf = 18,
                narvarande = Narvarande(styrelser, beslutsdatum),
                implementeringsalternativ = ib.Alternativ.ToString(),
            }, ct);
        }
        if (fas == Core.Domain.InsatsFas.Implementeringsbeslut) return;

        await AvfyraAsync(instans, "Event_slutdatum", ct);
        var slut = insats.PeriodSlut ?? throw new InvalidOperationException($"Demoinsatsen {insats.Diarienummer} är avslutad men har inget slutdatum.");
        await SlutforAsync(instans, "Activity_slutrapport", sokande, new
        {
            slutrapportDatum = Dag(slut.AddMonths(2)),
            resultat = insats.Avsnitt.Mal is { } mal ? $"Målet nåddes i stort: {mal}" : "Insatsen genomfördes enligt plan.",
        }, ct);
    }

    private static string Dag(DateOnly dag) => dag.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every ledamot of the board that sat on <paramref name="datum"/>, present at the sammanträde.</summary>
    private static object[] Narvarande(IReadOnlyList<Core.Domain.Styrelse> styrelser, DateOnly datum) =>
        [.. (styrelser.FirstOrDefault(s => s.MandatperiodFran <= datum && s.MandatperiodTill >= datum)
                ?? throw new InvalidOperationException($"Ingen demostyrelse hade mandat {datum:yyyy-MM-dd}."))
            .Ledamoter.Where(l => l.Roll == Core.Domain.Styrelseroll.Ledamot).Select(l => (object)new { namn = l.Namn })];

    /// <summary>Fires the instance's waiting timer at <paramref name="elementId"/> now: the seed says its time has come.</summary>
    private async Task AvfyraAsync(string instans, string elementId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<ProcessEngine>();
        var timer = (await engine.PendingTimersAsync(instans, ct)).FirstOrDefault(t => t.ElementId == elementId)
            ?? throw new InvalidOperationException($"Demoprocessen {instans} väntar inte på {elementId}.");
        await engine.FireTimerAsync(timer.Id, ct);
        if ((await engine.IncidentsAsync(instans, ct: ct)).FirstOrDefault() is { } incident)
            throw new InvalidOperationException($"Demoprocessen {instans} gick inte vidare efter {elementId}: {incident.Message}");
    }

    /// <summary>
    /// The phase changes the drive made today are not the insats's history: the seed's dated phase changes are, and they
    /// end in the phase the process now stands in.
    /// </summary>
    private async Task AterstallFashistorikAsync(Core.Domain.Insats seedad, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>();
        var insats = await db.Insatser.SingleAsync(i => i.Id == seedad.Id, ct);
        if (insats.Fas != seedad.Fas)
            throw new InvalidOperationException($"Demoprocessen för {seedad.Diarienummer} står i {insats.Fas}, insatsen i {seedad.Fas}.");
        insats.Fasbyten.Clear();
        insats.Fasbyten.AddRange(seedad.Fasbyten.Select(f => new Core.Domain.Fasbyte { Fas = f.Fas, Tidpunkt = f.Tidpunkt }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Each open yttrande by its own medlem's demo representative, or by the kansli on the medlem's behalf when the medlem has none.</summary>
    private async Task YttrandenAsync(string instans, IReadOnlyDictionary<Guid, string> konton, IReadOnlyDictionary<Guid, Core.Domain.Medlem> medlemmar, string kansli, CancellationToken ct)
    {
        IReadOnlyList<Engine.Store.TaskItem> uppgifter;
        await using (var scope = scopes.CreateAsyncScope())
            uppgifter = (await scope.ServiceProvider.GetRequiredService<ProcessEngine>().TasksOfInstanceAsync(instans, ct: ct))
                .Where(t => t.ElementId == "Activity_yttrande").ToList();
        foreach (var uppgift in uppgifter)
        {
            var grupp = uppgift.CandidateGroupList.Single(g => g.StartsWith("medlem:", StringComparison.Ordinal));
            var medlemId = Guid.Parse(grupp["medlem:".Length..]);
            var formular = new { sammanfattning = $"{medlemmar[medlemId].Namn} ställer sig bakom ansökan.", tillstyrker = true };
            if (konton.TryGetValue(medlemId, out var konto))
                await SlutforUppgiftAsync(uppgift.Id, uppgift.ElementId, new TaskActor(konto, "beredningsgrupp", grupp), formular, null, ct);
            else
                await SlutforUppgiftAsync(uppgift.Id, uppgift.ElementId, new TaskActor(kansli, "kansli", grupp), formular,
                    $"{medlemmar[medlemId].Namn} har ingen företrädare med konto i demon.", ct);
        }
    }

    /// <summary>The demo's beredningsgrupp accounts by the medlem they represent.</summary>
    private async Task<Dictionary<Guid, string>> MedlemskontonAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>();
        var beredare = Identity.DemoAccounts.Konton.Where(k => k.Roll == Core.Behorighet.Roller.Beredningsgrupp).Select(k => k.Email)
            .Concat(Identity.DemoAccounts.NordvikKonton.Where(k => k.Roll == Core.Behorighet.Roller.Beredningsgrupp).Select(k => k.Email)).ToList();
        return (await db.Users.AsNoTracking().Where(u => beredare.Contains(u.Email!) && u.MedlemId != null).Select(u => new { u.Email, u.MedlemId }).ToListAsync(ct))
            .GroupBy(u => u.MedlemId!.Value).ToDictionary(g => g.Key, g => g.First().Email!);
    }

    /// <summary>The ansökan as the seed describes it, with the kostnadstyper, målgrupp and period it holds.</summary>
    private static object Ansokan(Core.Domain.Insats insats, IReadOnlyDictionary<Guid, Core.Domain.Medlem> medlemmar) => new
    {
        projektstyrning = insats.Avsnitt.ProjektstyrningOchOrganisation,
        relationTillAndraVerksamheter = insats.Avsnitt.RelationTillAndraVerksamheter,
        resurser = insats.Avsnitt.Resurser,
        tidplan = insats.Avsnitt.Tidplan,
        utvardering = insats.Avsnitt.Utvardering,
        implementering = insats.Avsnitt.Implementering,
        kontaktpersoner = insats.Kontaktpersoner.Select(k => new { namn = k.Namn, roll = k.Roll, organisation = k.Organisation, epost = k.Epost }).ToArray(),
        budgetrader = insats.Budgetrader.Select(r => new { kostnadstyp = r.Kostnadstyp, ar = r.Ar, belopp = r.Belopp, beskrivning = r.Beskrivning }).ToArray(),
        berordaMedlemmar = insats.InvolveradeMedlemmar.Select(m => new { medlem = medlemmar[m.MedlemId].Namn }).ToArray(),
        malgruppBeskrivning = insats.Malgrupp.Beskrivning,
        malgruppAlderFran = insats.Malgrupp.AlderFran,
        malgruppAlderTill = insats.Malgrupp.AlderTill,
        periodStart = insats.PeriodStart?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        periodSlut = insats.PeriodSlut?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    private async Task<string> StartaInsatsAsync(Guid forbundId, string titel, string sokande, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var kontakt = new Core.Domain.Kontaktperson { Namn = "Helena Strand", Epost = Sokande.UserId, Organisation = sokande, Roll = "Sökande" };
        var (_, resultat) = await scope.ServiceProvider.GetRequiredService<Livscykelstart>()
            .StartaInsatsAsync(forbundId, titel, sokande, "kansli@demo.insatsflow.se", ct: ct, kontaktperson: kontakt);
        return resultat.InstanceId!;
    }

    private async Task SlutforAsync(string instans, string elementId, TaskActor aktor, object formular, CancellationToken ct)
    {
        string uppgiftId;
        await using (var scope = scopes.CreateAsyncScope())
            uppgiftId = ((await scope.ServiceProvider.GetRequiredService<ProcessEngine>().TasksOfInstanceAsync(instans, ct: ct)).FirstOrDefault(t => t.ElementId == elementId)
                ?? throw new InvalidOperationException($"Demoprocessen {instans} väntar inte vid {elementId}.")).Id;
        await SlutforUppgiftAsync(uppgiftId, elementId, aktor, formular, null, ct);
    }

    private async Task SlutforUppgiftAsync(string uppgiftId, string elementId, TaskActor aktor, object formular, string? ombudsskal, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var utfall = await scope.ServiceProvider.GetRequiredService<Uppgiftsslutforande>()
            .SlutforAsync(uppgiftId, aktor, JsonSerializer.SerializeToElement(formular), ct: ct, ombudsskal: ombudsskal);
        if (!utfall.Genomford)
            throw new InvalidOperationException($"Demoformuläret vid {elementId} godtogs inte: {string.Join("; ", utfall.Fel)}");
        if (utfall.Incidenter.Count > 0 || utfall.Regelprovningar?.Any(p => !p.Uppfylld) == true)
            throw new InvalidOperationException($"Demosteget {elementId} gick inte vidare: {utfall.Incidentmeddelande ?? string.Join("; ", utfall.Regelprovningar!.Where(p => !p.Uppfylld).Select(p => p.Regelverk))}");
    }

    private static object Ide(string utgangspunkter) => new
    {
        utgangspunkter,
        mal = "Hälften av deltagarna i arbete eller studier efter insatsen.",
        behovsgrupp = "Personer 20–29 år med behov av samordnat stöd från flera parter.",
        aktiviteter = "Individuellt stöd, arbetsträning och samordning mellan myndigheterna.",
    };

    private static object Ansokan(int forstaAr) => new
    {
        projektstyrning = "Styrgrupp med en företrädare per berörd medlem.",
        relationTillAndraVerksamheter = "Kompletterar kommunens arbetsmarknadsenhet.",
        resurser = "En samordnare på heltid.",
        tidplan = $"{forstaAr}–{forstaAr + 1}.",
        utvardering = "Extern utvärdering år två.",
        implementering = "Metoden tas över av kommunen.",
        kontaktpersoner = new[] { new { namn = "Helena Strand", roll = "Projektledare", organisation = "Norrby kommun", epost = Sokande.UserId } },
        budgetrader = new object[]
        {
            new { kostnadstyp = "personal", ar = forstaAr, belopp = 300_000m },
            new { kostnadstyp = "personal", ar = forstaAr + 1, belopp = 300_000m },
        },
        // four medlemmar, one per demo beredningsgrupp account: each yttrande goes to its own medlem's representative
        berordaMedlemmar = new[] { new { medlem = "Försäkringskassan" }, new { medlem = "Arbetsförmedlingen" }, new { medlem = "Region Demo" }, new { medlem = "Norrby kommun" } },
        malgruppBeskrivning = "Unga vuxna med aktivitetsersättning.",
        malgruppAlderFran = 20,
        malgruppAlderTill = 29,
        periodStart = $"{forstaAr}-01-01",
        periodSlut = $"{forstaAr + 1}-12-31",
    };
}
