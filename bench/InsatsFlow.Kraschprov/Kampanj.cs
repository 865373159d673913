using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using InsatsFlow.Core.Dokument;
using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Engine.Jobs;
using InsatsFlow.Engine.Store;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Kraschprov;

/// <param name="WebDll">A built InsatsFlow.Web.dll; null builds src/InsatsFlow.Web once (Release) into a temp directory.</param>
/// <param name="Senast">When set, no kill is started after this time (a shared machine's deadline); the table says how many were done.</param>
/// <param name="Postgres">A connection string to a PostgreSQL server that may create databases: two nodes on a fresh database
/// there. Null: one node on a temp SQLite file.</param>
/// <param name="KommandonMellanMin">Commands the driver gets answered after a restart before the next kill may come (seeded between min and
/// max): enough work between kills for lifecycles to move on, however long the host takes to start.</param>
/// <param name="HogstOppna">Campaign lifecycles open at once: a new insats is registered only below this, so the work goes to finishing them.</param>
/// <param name="Slutkorning">After the last kill the driver goes on, without kills, until every campaign lifecycle has ended or this time is up.</param>
public sealed record Kampanjval(string Repo, int Dodar, int Fro, string? WebDll, int SekunderMellanMin = 0, int SekunderMellanMax = 4,
    DateTimeOffset? Senast = null, int MillisekunderNereMax = 3000, string? Postgres = null, int KommandonMellanMin = 5, int KommandonMellanMax = 25,
    int HogstOppna = 6, TimeSpan? Slutkorning = null);

/// <summary>One check of the campaign: what was looked at and how many defects it found.</summary>
public sealed record Kontroll(string Namn, long Provade, long Defekter, string Not = "");

/// <param name="Lagen">Where the campaign's own lifecycles stand at the end (fas and count), to show how far they went.</param>
/// <param name="Nekade">Form submissions the host refused (400/422): the campaign's own data, not the engine's defects.</param>
/// <param name="Databas">The provider the hosts ran on (SQLite or PostgreSQL).</param>
/// <param name="Noder">How many hosts served at once.</param>
/// <param name="Slutna">Campaign lifecycles whose instance ended (Avslutad after implementering, or Avslagen).</param>
/// <param name="MedIncident">Campaign lifecycles with an open incident at the end.</param>
public sealed record Kampanjresultat(int Planerade, int Dodar, int Fro, TimeSpan Tid, IReadOnlyList<Kontroll> Kontroller, IReadOnlyList<string> Detaljer,
    IReadOnlyDictionary<string, int> Lagen, int Nekade, string Databas = "SQLite", int Noder = 1, int Slutna = 0, int MedIncident = 0)
{
    public long Defekter => Kontroller.Sum(k => k.Defekter);

    public string Tabell()
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Kraschprov: kill -9 mitt i livscykler");
        sb.AppendLine();
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Databas}, {Noder} {(Noder == 1 ? "nod" : "noder")}, {Environment.ProcessorCount} kärnor (delade), N = {Dodar} SIGKILL (frö {Fro}){(Dodar < Planerade ? $" av {Planerade} planerade: tiden tog slut" : "")}, {Tid.TotalMinutes:F1} min."));
        sb.AppendLine();
        sb.AppendLine("| kontroll | prövade | defekter | not |");
        sb.AppendLine("|---|---:|---:|---|");
        foreach (var k in Kontroller) sb.AppendLine($"| {k.Namn} | {k.Provade} | {k.Defekter} | {k.Not} |");
        sb.AppendLine($"| **totalt** | | **{Defekter}** | |");
        sb.AppendLine();
        sb.AppendLine($"Kampanjens {Lagen.Values.Sum()} livscykler vid slutet (insatsens fas: antal): "
            + string.Join(", ", Lagen.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}: {l.Value}"))
            + $". Hela vägen till sitt slut: {Slutna}. Med öppen incident: {MedIncident}. Formulär som värden nekade: {Nekade}.");
        if (Detaljer.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Defekter i detalj (högst 50):");
            foreach (var d in Detaljer.Take(50)) sb.AppendLine("- " + d);
        }
        return sb.ToString();
    }
}

/// <summary>
/// The kill -9 campaign: the real host (src/InsatsFlow.Web as a child process) on a temp SQLite file and a free port
/// (or two hosts, two nodes on free ports, on a fresh PostgreSQL database, each kill hitting one of them at random),
/// the shipped workflows plus a campaign workflow with second-long timers (a start cycle that begins a lifecycle
/// every two seconds, a reminder cycle on its first task, a wait, a task with a due date so the default escalation
/// chain queues notifications). The demo people (<see cref="Drivare"/>) register insatser and drive their whole
/// lifecycles through the API (idé, ansökan, yttrande per medlem, förslag, styrelsebeslut, uppföljning, implementering,
/// slutrapport; take and complete, each with its own x-requestid, retried with the same key and body after a crash).
/// The host is killed with SIGKILL at N seeded moments and started again each time. At the end the database is checked.
/// </summary>
public static class Kampanj
{
    public const string Losenord = "Demo-InsatsFlow-2026";

    private const string Process = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          id="kraschprov-definitioner" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="kraschprov" name="Kraschprov" isExecutable="true">
            <bpmn:startEvent id="start"><bpmn:timerEventDefinition><bpmn:timeCycle>R/PT2S</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
            <bpmn:userTask id="granska" name="Granska" camunda:candidateGroups="kansli" />
            <bpmn:boundaryEvent id="paminn" attachedToRef="granska" cancelActivity="false">
              <bpmn:timerEventDefinition><bpmn:timeCycle>R2/PT2S</bpmn:timeCycle></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:endEvent id="paminnelse_klar" />
            <bpmn:intermediateCatchEvent id="vanta"><bpmn:timerEventDefinition><bpmn:timeDuration>PT3S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:userTask id="godkann" name="Godkänn" camunda:candidateGroups="kansli" camunda:dueDate="PT4S" />
            <bpmn:endEvent id="slut" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="granska" />
            <bpmn:sequenceFlow id="f2" sourceRef="granska" targetRef="vanta" />
            <bpmn:sequenceFlow id="f3" sourceRef="vanta" targetRef="godkann" />
            <bpmn:sequenceFlow id="f4" sourceRef="godkann" targetRef="slut" />
            <bpmn:sequenceFlow id="f5" sourceRef="paminn" targetRef="paminnelse_klar" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static string HittaRepo(string fran)
    {
        var dir = new DirectoryInfo(fran);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "InsatsFlow.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Hittar inte repots rot (InsatsFlow.sln).");
    }

    public static async Task<Kampanjresultat> KorAsync(Kampanjval val, TextWriter logg, CancellationToken ct)
    {
        var klocka = Stopwatch.StartNew();
        var katalog = Path.Combine(Path.GetTempPath(), "insatsflow-kraschprov-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(katalog);
        var floden = Path.Combine(katalog, "workflows");
        Directory.CreateDirectory(floden);
        foreach (var f in Directory.GetFiles(Path.Combine(val.Repo, "workflows"), "*.bpmn")) File.Copy(f, Path.Combine(floden, Path.GetFileName(f)));
        await File.WriteAllTextAsync(Path.Combine(floden, "kraschprov.bpmn"), Process, ct);
        Kampanjdatabas? databas = null;
        var vardar = new List<Vard>();
        var slump = new Random(val.Fro);
        var drivare = new Drivare(slump.Next());
        var nedtider = new List<(DateTimeOffset Fran, DateTimeOffset Till)>();
        var medan = new List<(int Nod, long Fore, long Efter)>();

        try
        {
            var dll = val.WebDll ?? await ByggAsync(val.Repo, katalog, logg, ct);
            databas = val.Postgres is { } pg ? await Kampanjdatabas.PostgresAsync(pg, ct) : Kampanjdatabas.Sqlite(Path.Combine(katalog, "kraschprov.db"));
            for (var n = 1; n <= (databas.ArPostgres ? 2 : 1); n++) vardar.Add(new Vard(dll, val.Repo, databas.Databas, $"nod-{n}", floden, katalog));
            // one after the other: the first migrates the fresh database and seeds the demo data, the second finds them there
            foreach (var v in vardar) await v.StartaAsync(logg, ct);
            using var stopp = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var arbete = Task.Run(() => drivare.KorAsync(vardar, databas, stopp.Token), ct);
            var dodar = 0;
            for (var d = 1; d <= val.Dodar && (val.Senast is null || DateTimeOffset.UtcNow < val.Senast); d++)
            {
                // a random moment once the driver got some commands through since the start (however loaded the machine is)
                var fore = drivare.Kommandon;
                var behov = slump.Next(val.KommandonMellanMin, val.KommandonMellanMax + 1);
                var grans = DateTime.UtcNow + TimeSpan.FromSeconds(90);
                while (drivare.Kommandon < fore + behov && DateTime.UtcNow < grans) await Task.Delay(50, ct);
                await Task.Delay(TimeSpan.FromMilliseconds(slump.Next(val.SekunderMellanMin * 1000, val.SekunderMellanMax * 1000)), ct);
                var offer = slump.Next(vardar.Count);
                var fran = DateTimeOffset.UtcNow;
                var andra = (offer + 1) % vardar.Count;
                var andrasSvar = drivare.SvarFran(andra);
                vardar[offer].Dod();
                await Task.Delay(TimeSpan.FromMilliseconds(slump.Next(200, val.MillisekunderNereMax)), ct); // down a while: timers fall due meanwhile
                await vardar[offer].StartaAsync(logg, ct);
                nedtider.Add((fran, DateTimeOffset.UtcNow));
                if (vardar.Count > 1) medan.Add((andra, andrasSvar, drivare.SvarFran(andra)));
                dodar = d;
                logg.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss} SIGKILL {d}/{val.Dodar} ({vardar[offer].Nod}) klar; {drivare.Slutforda} uppgifter slutförda, {drivare.Insatser.Count} insatser registrerade, {drivare.Nekade.Count} formulär nekade, klockan spelad {drivare.KlockanSpelad} gånger");
                while (drivare.Fel.TryDequeue(out var f)) logg.WriteLine("  drivarens fel: " + f);
                foreach (var n in drivare.Nekade.Skip(Math.Max(0, drivare.Nekade.Count - 2))) logg.WriteLine("  nekat: " + n[..Math.Min(n.Length, 400)]);
            }
            // the lifecycles still open are driven to their end without kills (no new ones), so every phase was met under kills
            drivare.RegistreraInga = true;
            var slutkorning = DateTime.UtcNow + (val.Slutkorning ?? TimeSpan.FromMinutes(10));
            while (DateTime.UtcNow < slutkorning && await drivare.OppnaAsync(databas, ct) > 0) await Task.Delay(1000, ct);
            logg.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss} slutkörningen klar; {await drivare.OppnaAsync(databas, ct)} av kampanjens {drivare.Insatser.Count} livscykler är inte slut");
            await Task.Delay(TimeSpan.FromSeconds(3), ct);
            stopp.Cancel();
            try { await arbete; } catch (OperationCanceledException) { }
            // let the hosts work off what is due (the last lifecycles' timers and reminders)
            await VantaTillsKlartAsync(databas, TimeSpan.FromSeconds(60), ct);
            var journal = await drivare.VerifieraJournalerAsync(vardar, databas, ct);
            foreach (var v in vardar) v.Stanna();
            var kontroller = new List<Kontroll>();
            var detaljer = new List<string>();
            var (lagen, slutna, medIncident) = await Kontrollera(databas, drivare, nedtider, journal, kontroller, detaljer, LasFaser(Path.Combine(floden, "insats-livscykel.bpmn")),
                LasDokumentsteg(Path.Combine(floden, "insats-livscykel.bpmn")));
            if (vardar.Count > 1)
            {
                var tysta = medan.Where(m => m.Efter == m.Fore).ToList();
                detaljer.AddRange(tysta.Select(m => $"{vardar[m.Nod].Nod} svarade inte medan den andra noden var nere"));
                kontroller.Add(new("Den andra noden svarade medan en var nere", medan.Count, tysta.Count,
                    $"{medan.Sum(m => m.Efter - m.Fore)} svar under nedtiderna"));
            }
            foreach (var n in drivare.Nekade.Take(5)) logg.WriteLine("Nekat formulär: " + n);
            while (drivare.Fel.TryDequeue(out var f)) logg.WriteLine("  drivarens fel: " + f);
            return new Kampanjresultat(val.Dodar, dodar, val.Fro, klocka.Elapsed, kontroller, detaljer, lagen, drivare.Nekade.Count,
                databas.Providernamn, vardar.Count, slutna, medIncident);
        }
        finally
        {
            foreach (var v in vardar) v.Dod();
            // INSATSFLOW_KRASCHPROV_BEHALL=1 keeps the database and the hosts' logs to look into afterwards
            if (Environment.GetEnvironmentVariable("INSATSFLOW_KRASCHPROV_BEHALL") == "1") logg.WriteLine($"Databasen och värdarnas loggar finns kvar i {katalog}");
            else
            {
                if (databas is not null) await databas.TaBortAsync();
                try { Directory.Delete(katalog, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
    }

    private static async Task<string> ByggAsync(string repo, string katalog, TextWriter logg, CancellationToken ct)
    {
        var ut = Path.Combine(katalog, "web");
        logg.WriteLine("Bygger src/InsatsFlow.Web (Release) …");
        var bygg = System.Diagnostics.Process.Start(new ProcessStartInfo("dotnet", ["build", Path.Combine(repo, "src", "InsatsFlow.Web"), "-c", "Release", "-o", ut, "-nologo", "-v", "q"])
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var text = await bygg.StandardOutput.ReadToEndAsync(ct);
        await bygg.WaitForExitAsync(ct);
        if (bygg.ExitCode != 0) throw new InvalidOperationException("Bygget misslyckades:\n" + text);
        return Path.Combine(ut, "InsatsFlow.Web.dll");
    }

    private static async Task VantaTillsKlartAsync(Kampanjdatabas databas, TimeSpan hogst, CancellationToken ct)
    {
        var slut = DateTime.UtcNow + hogst;
        while (DateTime.UtcNow < slut)
        {
            await using (var db = databas.Oppna())
            {
                var nu = DateTimeOffset.UtcNow;
                // the periodic purge is always due again soon; the others must be done
                if (!await db.Set<Job>().AnyAsync(j => j.State == JobState.Pending && j.DueAt <= nu && j.Kind != Idempotensrensning, ct)) return;
            }
            await Task.Delay(500, ct);
        }
    }

    private const string Idempotensrensning = "idempotency-purge";

    /// <summary>Each fas task of the lifecycle and the fas it sets (its camunda:property "fas").</summary>
    /// <summary>Each document template of the lifecycle and the step that writes it (a serviceTask of camunda:type "dokument").</summary>
    private static Dictionary<string, string> LasDokumentsteg(string bpmn)
    {
        XNamespace b = "http://www.omg.org/spec/BPMN/20100524/MODEL", ca = "http://camunda.org/schema/1.0/bpmn";
        return XDocument.Load(bpmn).Descendants(b + "serviceTask").Where(t => (string?)t.Attribute(ca + "type") == "dokument")
            .ToDictionary(t => (string)t.Descendants(ca + "property").First(p => (string?)p.Attribute("name") == "mall").Attribute("value")!, t => (string)t.Attribute("id")!);
    }

    private static Dictionary<string, string> LasFaser(string bpmn)
    {
        XNamespace b = "http://www.omg.org/spec/BPMN/20100524/MODEL", ca = "http://camunda.org/schema/1.0/bpmn";
        return XDocument.Load(bpmn).Descendants(b + "serviceTask").Where(t => (string?)t.Attribute(ca + "type") == "fas")
            .ToDictionary(t => (string)t.Attribute("id")!, t => (string)t.Descendants(ca + "property").First(p => (string?)p.Attribute("name") == "fas").Attribute("value")!);
    }

    /// <summary>Lifecycle steps a lifecycle enters at most once, whatever its path.</summary>
    private static readonly string[] EnGang =
    [
        "Event_insats_registrerad", "Activity_registrera_insats", "Activity_fas_genomforande", "Activity_fas_implementeringsbeslut",
        "Activity_fas_avslutad", "Activity_fas_avslagen", "Activity_fas_avslagen_ide", "Event_slutdatum", "Event_implementering_tid",
        "Event_avslutad", "Event_avslagen", "Event_ide_avslagen", "Activity_slutrapport",
    ];

    /// <summary>What the engine wrote in a journal entry's payload (a JSON object): the task, timer or step it names.</summary>
    private static string Falt(string payload, string namn)
    {
        using var doc = JsonDocument.Parse(payload);
        return doc.RootElement.TryGetProperty(namn, out var v) ? v.ToString() : "";
    }

    private static List<string> Dubbletter<T>(IEnumerable<T> rader, Func<T, string> nyckel, Func<string, int, string> text) =>
        [.. rader.GroupBy(nyckel).Where(g => g.Count() > 1).Select(g => text(g.Key, g.Count()))];

    // Provider-neutral: LINQ through the InsatsFlow context (SQLite and PostgreSQL alike); what SQL cannot say on both
    // (a journal payload's fields) is read from the rows here.
    private static async Task<(Dictionary<string, int> Lagen, int Slutna, int MedIncident)> Kontrollera(Kampanjdatabas databas, Drivare d, List<(DateTimeOffset Fran, DateTimeOffset Till)> nedtider,
        (int Provade, List<string> Brutna) journal, List<Kontroll> k, List<string> detaljer, Dictionary<string, string> faser,
        Dictionary<string, string> dokumentsteg)
    {
        await using var db = databas.Oppna();
        var nu = DateTimeOffset.UtcNow;
        var uppgifter = db.Set<TaskItem>().AsNoTracking();
        var instanser = db.Set<ProcessInstance>().AsNoTracking();
        var poster = db.Set<JournalEntry>().AsNoTracking();
        var jobben = db.Set<Job>().AsNoTracking();

        // nothing lost: every acknowledged completion and registration is in the database; every job due is done
        var slutforda = (await uppgifter.Where(t => t.State == TaskState.Completed).Select(t => t.Id).ToListAsync()).ToHashSet();
        var forlorade = d.Kvitterade.Where(id => !slutforda.Contains(id)).ToList();
        detaljer.AddRange(forlorade.Select(id => $"uppgiften {id} kvitterades som slutförd men är inte slutförd i databasen"));
        k.Add(new("Kvitterade slutföranden finns", d.Kvitterade.Count, forlorade.Count));
        var insatser = (await db.Insatser.AsNoTracking().Select(i => new { i.Id, i.Fas }).ToListAsync())
            .ToDictionary(i => i.Id.ToString().ToLowerInvariant(), i => i.Fas.ToString());
        var saknade = d.Insatser.Where(i => !insatser.ContainsKey(i.Id.ToLowerInvariant())).ToList();
        detaljer.AddRange(saknade.Select(i => $"insatsen {i.Id} registrerades (201) men finns inte"));
        k.Add(new("Registrerade insatser finns", d.Insatser.Count, saknade.Count));
        var forfallen = nu - TimeSpan.FromSeconds(5);
        var ogjorda = await jobben.Where(j => j.State == JobState.Failed
            || (j.State == JobState.Pending && j.DueAt <= forfallen && j.Kind != Idempotensrensning)).ToListAsync();
        detaljer.AddRange(ogjorda.Select(j => $"jobbet {j.Id} ({j.Kind} {j.Target}) är {j.State}: {j.LastError}"));
        k.Add(new("Förfallna jobb är gjorda", await jobben.CountAsync(j => j.DueAt <= nu), ogjorda.Count));

        // nothing doubled
        var intradda = from j in poster
                       join i in instanser on j.InstanceId equals i.Id
                       where j.Event == "element-entered"
                       select new { j.InstanceId, j.ElementId, i.DefinitionKey };
        var dubbelSteg = await intradda
            .Where(e => (e.DefinitionKey == "kraschprov" && e.ElementId != "paminn" && e.ElementId != "paminnelse_klar")
                || (e.DefinitionKey == "insats-livscykel" && EnGang.Contains(e.ElementId!)))
            .GroupBy(e => new { e.InstanceId, e.ElementId }).Where(g => g.Count() > 1)
            .Select(g => new { g.Key.InstanceId, g.Key.ElementId, Antal = g.Count() }).ToListAsync();
        // a user task is entered once per task it creates: a replayed step would enter it without a task, or make two open at once
        var oppnaFlera = (await uppgifter.Where(t => t.State == TaskState.Open && t.DefinitionKey == "insats-livscykel")
                .GroupBy(t => new { t.InstanceId, t.ElementId }).Select(g => new { g.Key.InstanceId, g.Key.ElementId, Antal = g.Count() }).ToListAsync())
            .Where(g => g.Antal > (g.ElementId == "Activity_yttrande" ? 4 : 1));
        var steg = dubbelSteg.Concat(oppnaFlera).ToList();
        detaljer.AddRange(steg.Select(r => $"instansen {r.InstanceId} gick in i {r.ElementId} {r.Antal} gånger"));
        k.Add(new("Inget steg dubbelt (kampanjflödet och livscykelns engångssteg)", await poster.CountAsync(j => j.Event == "element-entered"), steg.Count));

        var handelser = new[] { "task-completed", "timer-fired", "task-reminder" };
        var lasta = await poster.Where(j => handelser.Contains(j.Event)).Select(j => new { j.InstanceId, j.Event, j.Payload }).ToListAsync();
        var slutforanden = lasta.Where(j => j.Event == "task-completed").Select(j => Falt(j.Payload, "task")).ToList();
        var dubbelSlutford = Dubbletter(slutforanden, t => t, (t, n) => $"uppgiften {t} slutfördes {n} gånger");
        detaljer.AddRange(dubbelSlutford);
        k.Add(new("Ingen uppgift slutförd två gånger", slutforanden.Count, dubbelSlutford.Count));
        var avfyrade = lasta.Where(j => j.Event == "timer-fired").Select(j => Falt(j.Payload, "timer")).ToList();
        var dubbelTimer = Dubbletter(avfyrade, t => t, (t, n) => $"timern {t} avfyrades {n} gånger");
        detaljer.AddRange(dubbelTimer);
        k.Add(new("Ingen timer avfyrad två gånger", avfyrade.Count, dubbelTimer.Count));
        var dubbelUppgift = await uppgifter.Where(t => t.DefinitionKey == "kraschprov")
            .GroupBy(t => new { t.InstanceId, t.ElementId }).Where(g => g.Count() > 1).Select(g => new { g.Key.InstanceId, g.Key.ElementId, Antal = g.Count() }).ToListAsync();
        detaljer.AddRange(dubbelUppgift.Select(r => $"instansen {r.InstanceId} har {r.Antal} uppgifter vid {r.ElementId}"));
        k.Add(new("Ingen uppgift skapad två gånger", await uppgifter.CountAsync(), dubbelUppgift.Count));
        var notiser = db.Set<Notifiering>().AsNoTracking();
        var dubbelNotis = await notiser.Where(n => n.Dedupliceringsnyckel != null)
            .GroupBy(n => n.Dedupliceringsnyckel).Where(g => g.Count() > 1).Select(g => new { Nyckel = g.Key, Antal = g.Count() }).ToListAsync();
        var dubbelPaminnelse = Dubbletter(lasta.Where(j => j.Event == "task-reminder").Select(j => (j.InstanceId, Uppgift: Falt(j.Payload, "task"), Steg: Falt(j.Payload, "step"))),
            p => $"{p.InstanceId}|{p.Uppgift}|{p.Steg}", (p, n) => $"påminnelsen {p.Split('|')[2]} för uppgiften {p.Split('|')[1]} journalförd {n} gånger");
        detaljer.AddRange(dubbelNotis.Select(r => $"notifieringen {r.Nyckel} finns {r.Antal} gånger"));
        detaljer.AddRange(dubbelPaminnelse);
        k.Add(new("Ingen notifiering eller påminnelse dubbel", await notiser.CountAsync(), dubbelNotis.Count + dubbelPaminnelse.Count));
        var dokument = db.Set<ArkiveratDokument>().AsNoTracking();
        // a lifecycle sent back (återremiss) passes its document steps again and rightly writes a second tjänsteskrivelse,
        // protokollsutdrag and beslutsbrev: a document is doubled when there are more of it than entries of its step
        var perMall = await dokument.Where(x => x.ProcessInstansId != null)
            .GroupBy(x => new { x.ProcessInstansId, x.Mallnamn }).Where(g => g.Count() > 1).Select(g => new { g.Key.ProcessInstansId, g.Key.Mallnamn, Antal = g.Count() }).ToListAsync();
        var stegen = dokumentsteg.Values.ToList();
        var intraden = (await poster.Where(j => j.Event == "element-entered" && stegen.Contains(j.ElementId!))
                .GroupBy(j => new { j.InstanceId, j.ElementId }).Select(g => new { g.Key.InstanceId, g.Key.ElementId, Antal = g.Count() }).ToListAsync())
            .ToDictionary(x => (x.InstanceId, x.ElementId!), x => x.Antal);
        int Tillatna(string instans, string mall) =>
            dokumentsteg.TryGetValue(mall, out var steg) ? Math.Max(1, intraden.GetValueOrDefault((instans, steg))) : 1;
        var dubbelDokument = perMall.Where(r => r.Antal > Tillatna(r.ProcessInstansId!, r.Mallnamn)).ToList();
        detaljer.AddRange(dubbelDokument.Select(r =>
            $"dokumentet {r.Mallnamn} för {r.ProcessInstansId} finns {r.Antal} gånger, men dess steg gicks in {Tillatna(r.ProcessInstansId!, r.Mallnamn)} gånger"));
        k.Add(new("Inget dokument dubbelt", await dokument.CountAsync(), dubbelDokument.Count,
            $"fler än stegen gicks in; {perMall.Count - dubbelDokument.Count} mallar skrevs igen när livscykeln återremitterades"));
        var dubbelInstans = await instanser.Where(i => i.DefinitionKey == "insats-livscykel" && i.BusinessKey != null)
            .GroupBy(i => i.BusinessKey).Where(g => g.Count() > 1).Select(g => new { Nyckel = g.Key, Antal = g.Count() }).ToListAsync();
        detaljer.AddRange(dubbelInstans.Select(r => $"insatsen {r.Nyckel} har {r.Antal} livscykler"));
        k.Add(new("Ingen insats med två livscykler", insatser.Count, dubbelInstans.Count));

        // every job due while a host was down ran, once
        var slag = new[] { EngineTimerJobs.KindName, "friststeg", "utskick" };
        var jobb = await jobben.Where(j => slag.Contains(j.Kind)).Select(j => new { j.Id, j.Kind, j.Target, j.State, j.DueAt }).ToListAsync();
        var fyrade = avfyrade.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var avbrutna = (await db.Set<TimerJob>().AsNoTracking().Where(t => t.State == TimerState.Cancelled).Select(t => t.Id).ToListAsync()).ToHashSet();
        var underNedtid = jobb.Where(j => nedtider.Any(n => j.DueAt >= n.Fran && j.DueAt < n.Till)).ToList();
        var felNedtid = underNedtid.Where(j => j.State != JobState.Done
            || (j.Kind == EngineTimerJobs.KindName && !avbrutna.Contains(j.Target!) && fyrade.GetValueOrDefault(j.Target!) > 1
                /* 0: a timer whose instance moved on before it fell due */)).ToList();
        detaljer.AddRange(felNedtid.Select(j => $"jobbet {j.Id} ({j.Kind} {j.Target}) föll under nedtid: {j.State}, avfyrad {fyrade.GetValueOrDefault(j.Target ?? "")} gånger"));
        k.Add(new("Jobb som föll under nedtid körda exakt en gång", underNedtid.Count, felNedtid.Count, $"{nedtider.Count} nedtider"));

        // journals
        detaljer.AddRange(journal.Brutna);
        k.Add(new("Journalkedjor verifierar", journal.Provade, journal.Brutna.Count));

        // domain and engine agree: an insats's fas is the one its instance last set (the fas task it last entered)
        var fasSteg = await (from j in poster
                             join i in instanser on j.InstanceId equals i.Id
                             where i.DefinitionKey == "insats-livscykel" && j.Event == "element-entered" && j.ElementId!.StartsWith("Activity_fas_")
                             select new { i.BusinessKey, j.InstanceId, j.Sequence, j.ElementId }).ToListAsync();
        var senasteFas = fasSteg.Where(s => !string.IsNullOrEmpty(s.BusinessKey)).GroupBy(s => s.InstanceId).Select(g => g.MaxBy(s => s.Sequence)!)
            .ToDictionary(s => s.BusinessKey!.ToLowerInvariant(), s => s.ElementId!);
        var oense = new List<string>();
        var provade = 0;
        foreach (var (id, fas) in insatser)
        {
            if (!senasteFas.TryGetValue(id, out var element)) continue; // a demo insats without a lifecycle
            var vantad = faser.GetValueOrDefault(element, "?");
            provade++;
            if (fas != vantad) oense.Add($"insatsen {id}: fas {fas}, instansen satte senast {vantad} ({element})");
        }
        detaljer.AddRange(oense);
        k.Add(new("Domänen och motorn är överens (fas ↔ instansens steg)", provade, oense.Count));

        // how far the campaign's own lifecycles went
        var lagen = new Dictionary<string, int>();
        foreach (var i in d.Insatser)
            if (insatser.TryGetValue(i.Id.ToLowerInvariant(), out var fas)) lagen[fas] = lagen.GetValueOrDefault(fas) + 1;
        var egna = d.Insatser.Where(i => i.InstansId is not null).Select(i => i.InstansId!).ToList();
        var slutna = await instanser.CountAsync(i => egna.Contains(i.Id) && i.Status == InstanceStatus.Completed);
        var medIncident = await db.Set<Incident>().Where(i => egna.Contains(i.InstanceId) && i.ResolvedAt == null).Select(i => i.InstanceId).Distinct().CountAsync();
        return (lagen, slutna, medIncident);
    }
}
