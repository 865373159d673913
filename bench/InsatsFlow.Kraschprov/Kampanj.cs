using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Data.Sqlite;

namespace InsatsFlow.Kraschprov;

/// <param name="WebDll">A built InsatsFlow.Web.dll; null builds src/InsatsFlow.Web once (Release) into a temp directory.</param>
/// <param name="Senast">When set, no kill is started after this time (a shared machine's deadline); the table says how many were done.</param>
public sealed record Kampanjval(string Repo, int Dodar, int Fro, string? WebDll, int SekunderMellanMin = 0, int SekunderMellanMax = 4,
    DateTimeOffset? Senast = null, int MillisekunderNereMax = 3000);

/// <summary>One check of the campaign: what was looked at and how many defects it found.</summary>
public sealed record Kontroll(string Namn, long Provade, long Defekter, string Not = "");

/// <param name="Lagen">Where the lifecycles stand at the end (fas and count), to show how far they went.</param>
/// <param name="Nekade">Form submissions the host refused (400/422): the campaign's own data, not the engine's defects.</param>
public sealed record Kampanjresultat(int Planerade, int Dodar, int Fro, TimeSpan Tid, IReadOnlyList<Kontroll> Kontroller, IReadOnlyList<string> Detaljer,
    IReadOnlyDictionary<string, int> Lagen, int Nekade)
{
    public long Defekter => Kontroller.Sum(k => k.Defekter);

    public string Tabell()
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Kraschprov: kill -9 mitt i livscykler");
        sb.AppendLine();
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} kärnor (delade), N = {Dodar} SIGKILL (frö {Fro}){(Dodar < Planerade ? $" av {Planerade} planerade: tiden tog slut" : "")}, {Tid.TotalMinutes:F1} min."));
        sb.AppendLine();
        sb.AppendLine("| kontroll | prövade | defekter | not |");
        sb.AppendLine("|---|---:|---:|---|");
        foreach (var k in Kontroller) sb.AppendLine($"| {k.Namn} | {k.Provade} | {k.Defekter} | {k.Not} |");
        sb.AppendLine($"| **totalt** | | **{Defekter}** | |");
        sb.AppendLine();
        sb.AppendLine("Livscyklerna vid slutet (insatsens fas: antal): " + string.Join(", ", Lagen.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}: {l.Value}"))
            + $". Formulär som värden nekade: {Nekade}.");
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
/// The kill -9 campaign: the real host (src/InsatsFlow.Web as a child process) on a temp SQLite file and a free port,
/// the shipped workflows plus a campaign workflow with second-long timers (a start cycle that begins a lifecycle
/// every two seconds, a reminder cycle on its first task, a wait, a task with a due date so the default escalation
/// chain queues notifications). The demo people (<see cref="Drivare"/>) register insatser and drive their whole
/// lifecycles through the API (idé, ansökan, yttrande per medlem, förslag, styrelsebeslut, uppföljning, implementering,
/// slutrapport; take and complete, each with its own x-requestid, retried with the same key and body after a crash).
/// The host is killed with SIGKILL at N seeded moments and started again each time. At the end the file is checked.
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
        var databas = Path.Combine(katalog, "kraschprov.db");
        var dll = val.WebDll ?? await ByggAsync(val.Repo, katalog, logg, ct);
        var vard = new Vard(dll, val.Repo, databas, floden, katalog);
        var slump = new Random(val.Fro);
        var drivare = new Drivare(slump.Next());
        var nedtider = new List<(DateTimeOffset Fran, DateTimeOffset Till)>();

        try
        {
            await vard.StartaAsync(logg, ct);
            using var stopp = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var arbete = Task.Run(() => drivare.KorAsync(vard, databas, stopp.Token), ct);
            var dodar = 0;
            for (var d = 1; d <= val.Dodar && (val.Senast is null || DateTimeOffset.UtcNow < val.Senast); d++)
            {
                // a random moment once the driver got some commands through since the start (however loaded the machine is)
                var fore = drivare.Kommandon;
                var behov = slump.Next(1, 8);
                var grans = DateTime.UtcNow + TimeSpan.FromSeconds(90);
                while (drivare.Kommandon < fore + behov && DateTime.UtcNow < grans) await Task.Delay(50, ct);
                await Task.Delay(TimeSpan.FromMilliseconds(slump.Next(val.SekunderMellanMin * 1000, val.SekunderMellanMax * 1000)), ct);
                var fran = DateTimeOffset.UtcNow;
                vard.Dod();
                await Task.Delay(TimeSpan.FromMilliseconds(slump.Next(200, val.MillisekunderNereMax)), ct); // down a while: timers fall due meanwhile
                await vard.StartaAsync(logg, ct);
                nedtider.Add((fran, DateTimeOffset.UtcNow));
                dodar = d;
                logg.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss} SIGKILL {d}/{val.Dodar} klar; {drivare.Slutforda} uppgifter slutförda, {drivare.Insatser.Count} insatser registrerade, {drivare.Nekade.Count} formulär nekade, klockan spelad {drivare.KlockanSpelad} gånger");
                while (drivare.Fel.TryDequeue(out var f)) logg.WriteLine("  drivarens fel: " + f);
                foreach (var n in drivare.Nekade.Skip(Math.Max(0, drivare.Nekade.Count - 2))) logg.WriteLine("  nekat: " + n[..Math.Min(n.Length, 400)]);
            }
            await Task.Delay(TimeSpan.FromSeconds(3), ct);
            stopp.Cancel();
            try { await arbete; } catch (OperationCanceledException) { }
            // let the host work off what is due (the last lifecycles' timers and reminders)
            await VantaTillsKlartAsync(databas, TimeSpan.FromSeconds(60), ct);
            var journal = await drivare.VerifieraJournalerAsync(vard, databas, ct);
            vard.Stanna();
            var kontroller = new List<Kontroll>();
            var detaljer = new List<string>();
            var lagen = await Kontrollera(databas, drivare, nedtider, journal, kontroller, detaljer, LasFaser(Path.Combine(floden, "insats-livscykel.bpmn")));
            foreach (var n in drivare.Nekade.Take(5)) logg.WriteLine("Nekat formulär: " + n);
            return new Kampanjresultat(val.Dodar, dodar, val.Fro, klocka.Elapsed, kontroller, detaljer, lagen, drivare.Nekade.Count);
        }
        finally
        {
            vard.Dod();
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(katalog, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
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

    private static SqliteConnection Oppna(string databas)
    {
        var c = new SqliteConnection($"Data Source={databas};Mode=ReadOnly;Default Timeout=30");
        c.Open();
        return c;
    }

    private static async Task<long> SkalarAsync(SqliteConnection c, string sql, params (string, object)[] p)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (n, v) in p) cmd.Parameters.AddWithValue(n, v);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<List<string[]>> RaderAsync(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = await cmd.ExecuteReaderAsync();
        var rader = new List<string[]>();
        while (await r.ReadAsync())
            rader.Add(Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "" : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture)!).ToArray());
        return rader;
    }

    private static async Task VantaTillsKlartAsync(string databas, TimeSpan hogst, CancellationToken ct)
    {
        var slut = DateTime.UtcNow + hogst;
        while (DateTime.UtcNow < slut)
        {
            using (var c = Oppna(databas))
            {
                var nu = DateTimeOffset.UtcNow.UtcTicks;
                // the periodic purge is always due again soon; the others must be done
                var kvar = await SkalarAsync(c, "SELECT COUNT(*) FROM Jobs WHERE State = 'Pending' AND DueAt <= $nu AND Kind <> 'idempotency-purge'", ("$nu", nu));
                if (kvar == 0) return;
            }
            await Task.Delay(500, ct);
        }
    }

    /// <summary>Each fas task of the lifecycle and the fas it sets (its camunda:property "fas").</summary>
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

    private static async Task<Dictionary<string, int>> Kontrollera(string databas, Drivare d, List<(DateTimeOffset Fran, DateTimeOffset Till)> nedtider,
        (int Provade, List<string> Brutna) journal, List<Kontroll> k, List<string> detaljer, Dictionary<string, string> faser)
    {
        using var c = Oppna(databas);
        var nu = DateTimeOffset.UtcNow.UtcTicks;

        // nothing lost: every acknowledged completion and registration is in the file; every job due is done
        var slutforda = (await RaderAsync(c, "SELECT Id FROM EngineTasks WHERE State = 'Completed'")).Select(r => r[0]).ToHashSet();
        var forlorade = d.Kvitterade.Where(id => !slutforda.Contains(id)).ToList();
        detaljer.AddRange(forlorade.Select(id => $"uppgiften {id} kvitterades som slutförd men är inte slutförd i databasen"));
        k.Add(new("Kvitterade slutföranden finns", d.Kvitterade.Count, forlorade.Count));
        var insatser = (await RaderAsync(c, "SELECT CAST(Id AS TEXT), Fas FROM Insatser")).ToDictionary(r => r[0].ToLowerInvariant(), r => r[1]);
        var saknade = d.Insatser.Where(i => !insatser.ContainsKey(i.Id.ToLowerInvariant())).ToList();
        detaljer.AddRange(saknade.Select(i => $"insatsen {i.Id} registrerades (201) men finns inte"));
        k.Add(new("Registrerade insatser finns", d.Insatser.Count, saknade.Count));
        var ogjorda = await RaderAsync(c, $"SELECT Id, Kind, Target, State, LastError FROM Jobs WHERE (State = 'Failed') OR (State = 'Pending' AND DueAt <= {nu - TimeSpan.FromSeconds(5).Ticks} AND Kind <> 'idempotency-purge')");
        detaljer.AddRange(ogjorda.Select(r => $"jobbet {r[0]} ({r[1]} {r[2]}) är {r[3]}: {r[4]}"));
        k.Add(new("Förfallna jobb är gjorda", await SkalarAsync(c, $"SELECT COUNT(*) FROM Jobs WHERE DueAt <= {nu}"), ogjorda.Count));

        // nothing doubled
        var dubbelSteg = await RaderAsync(c, """
            SELECT j.InstanceId, j.ElementId, COUNT(*) FROM EngineJournal j JOIN EngineInstances i ON i.Id = j.InstanceId
            WHERE j.Event = 'element-entered' AND i.DefinitionKey = 'kraschprov' AND j.ElementId NOT IN ('paminn', 'paminnelse_klar')
            GROUP BY j.InstanceId, j.ElementId HAVING COUNT(*) > 1
            """);
        dubbelSteg.AddRange(await RaderAsync(c, $"""
            SELECT j.InstanceId, j.ElementId, COUNT(*) FROM EngineJournal j JOIN EngineInstances i ON i.Id = j.InstanceId
            WHERE j.Event = 'element-entered' AND i.DefinitionKey = 'insats-livscykel' AND j.ElementId IN ({string.Join(", ", EnGang.Select(e => $"'{e}'"))})
            GROUP BY j.InstanceId, j.ElementId HAVING COUNT(*) > 1
            """));
        // a user task is entered once per task it creates: a replayed step would enter it without a task, or make two open at once
        dubbelSteg.AddRange(await RaderAsync(c, """
            SELECT InstanceId, ElementId, COUNT(*) FROM EngineTasks WHERE State = 'Open' AND DefinitionKey = 'insats-livscykel'
            GROUP BY InstanceId, ElementId HAVING COUNT(*) > CASE WHEN ElementId = 'Activity_yttrande' THEN 4 ELSE 1 END
            """));
        detaljer.AddRange(dubbelSteg.Select(r => $"instansen {r[0]} gick in i {r[1]} {r[2]} gånger"));
        k.Add(new("Inget steg dubbelt (kampanjflödet och livscykelns engångssteg)", await SkalarAsync(c, "SELECT COUNT(*) FROM EngineJournal WHERE Event = 'element-entered'"), dubbelSteg.Count));
        var dubbelSlutford = await RaderAsync(c, "SELECT json_extract(Payload, '$.task'), COUNT(*) FROM EngineJournal WHERE Event = 'task-completed' GROUP BY 1 HAVING COUNT(*) > 1");
        detaljer.AddRange(dubbelSlutford.Select(r => $"uppgiften {r[0]} slutfördes {r[1]} gånger"));
        k.Add(new("Ingen uppgift slutförd två gånger", await SkalarAsync(c, "SELECT COUNT(*) FROM EngineJournal WHERE Event = 'task-completed'"), dubbelSlutford.Count));
        var dubbelTimer = await RaderAsync(c, "SELECT json_extract(Payload, '$.timer'), COUNT(*) FROM EngineJournal WHERE Event = 'timer-fired' GROUP BY 1 HAVING COUNT(*) > 1");
        detaljer.AddRange(dubbelTimer.Select(r => $"timern {r[0]} avfyrades {r[1]} gånger"));
        k.Add(new("Ingen timer avfyrad två gånger", await SkalarAsync(c, "SELECT COUNT(*) FROM EngineJournal WHERE Event = 'timer-fired'"), dubbelTimer.Count));
        var dubbelUppgift = await RaderAsync(c, "SELECT InstanceId, ElementId, COUNT(*) FROM EngineTasks WHERE DefinitionKey = 'kraschprov' GROUP BY InstanceId, ElementId HAVING COUNT(*) > 1");
        detaljer.AddRange(dubbelUppgift.Select(r => $"instansen {r[0]} har {r[2]} uppgifter vid {r[1]}"));
        k.Add(new("Ingen uppgift skapad två gånger", await SkalarAsync(c, "SELECT COUNT(*) FROM EngineTasks"), dubbelUppgift.Count));
        var dubbelNotis = await RaderAsync(c, "SELECT Dedupliceringsnyckel, COUNT(*) FROM Notifieringar WHERE Dedupliceringsnyckel IS NOT NULL GROUP BY 1 HAVING COUNT(*) > 1");
        var dubbelPaminnelse = await RaderAsync(c, "SELECT InstanceId, json_extract(Payload, '$.task'), json_extract(Payload, '$.step'), COUNT(*) FROM EngineJournal WHERE Event = 'task-reminder' GROUP BY 1, 2, 3 HAVING COUNT(*) > 1");
        detaljer.AddRange(dubbelNotis.Select(r => $"notifieringen {r[0]} finns {r[1]} gånger"));
        detaljer.AddRange(dubbelPaminnelse.Select(r => $"påminnelsen {r[2]} för uppgiften {r[1]} journalförd {r[3]} gånger"));
        k.Add(new("Ingen notifiering eller påminnelse dubbel", await SkalarAsync(c, "SELECT COUNT(*) FROM Notifieringar"), dubbelNotis.Count + dubbelPaminnelse.Count));
        var dubbelDokument = await RaderAsync(c, "SELECT ProcessInstansId, Mallnamn, COUNT(*) FROM Dokument WHERE ProcessInstansId IS NOT NULL GROUP BY 1, 2 HAVING COUNT(*) > 1");
        detaljer.AddRange(dubbelDokument.Select(r => $"dokumentet {r[1]} för {r[0]} finns {r[2]} gånger"));
        k.Add(new("Inget dokument dubbelt", await SkalarAsync(c, "SELECT COUNT(*) FROM Dokument"), dubbelDokument.Count,
            "kampanjflödet skapar inga dokument; demoprocessernas räknas"));
        var dubbelInstans = await RaderAsync(c, "SELECT BusinessKey, COUNT(*) FROM EngineInstances WHERE DefinitionKey = 'insats-livscykel' AND BusinessKey IS NOT NULL GROUP BY 1 HAVING COUNT(*) > 1");
        detaljer.AddRange(dubbelInstans.Select(r => $"insatsen {r[0]} har {r[1]} livscykler"));
        k.Add(new("Ingen insats med två livscykler", insatser.Count, dubbelInstans.Count));

        // every job due while the host was down ran, once
        var jobb = await RaderAsync(c, "SELECT Id, Kind, Target, State, DueAt FROM Jobs WHERE Kind IN ('engine-timer', 'friststeg', 'utskick')");
        var fyrade = (await RaderAsync(c, "SELECT json_extract(Payload, '$.timer'), COUNT(*) FROM EngineJournal WHERE Event = 'timer-fired' GROUP BY 1"))
            .ToDictionary(r => r[0], r => long.Parse(r[1], CultureInfo.InvariantCulture));
        var avbrutna = (await RaderAsync(c, "SELECT Id FROM EngineTimers WHERE State = 'Cancelled'")).Select(r => r[0]).ToHashSet();
        var underNedtid = jobb.Where(j => nedtider.Any(n => long.Parse(j[4], CultureInfo.InvariantCulture) is var t && t >= n.Fran.UtcTicks && t < n.Till.UtcTicks)).ToList();
        var felNedtid = underNedtid.Where(j => j[3] != "Done"
            || (j[1] == "engine-timer" && !avbrutna.Contains(j[2]) && fyrade.GetValueOrDefault(j[2]) != 1
                && fyrade.GetValueOrDefault(j[2]) != 0 /* a timer whose instance moved on before it fell due */)).ToList();
        detaljer.AddRange(felNedtid.Select(j => $"jobbet {j[0]} ({j[1]} {j[2]}) föll under nedtid: {j[3]}, avfyrad {fyrade.GetValueOrDefault(j[2])} gånger"));
        k.Add(new("Jobb som föll under nedtid körda exakt en gång", underNedtid.Count, felNedtid.Count, $"{nedtider.Count} nedtider"));

        // journals
        detaljer.AddRange(journal.Brutna);
        k.Add(new("Journalkedjor verifierar", journal.Provade, journal.Brutna.Count));

        // domain and engine agree: an insats's fas is the one its instance last set (the fas task it last entered)
        var senasteFas = (await RaderAsync(c, """
            SELECT i.BusinessKey, j.ElementId FROM EngineJournal j JOIN EngineInstances i ON i.Id = j.InstanceId
            WHERE i.DefinitionKey = 'insats-livscykel' AND j.Event = 'element-entered' AND j.ElementId LIKE 'Activity_fas_%'
              AND j.Sequence = (SELECT MAX(j2.Sequence) FROM EngineJournal j2 WHERE j2.InstanceId = j.InstanceId
                                AND j2.Event = 'element-entered' AND j2.ElementId LIKE 'Activity_fas_%')
            """)).Where(r => r[0] != "").ToDictionary(r => r[0].ToLowerInvariant(), r => r[1]);
        var oense = new List<string>();
        var lagen = new Dictionary<string, int>();
        foreach (var (id, fas) in insatser)
        {
            if (!senasteFas.TryGetValue(id, out var element)) continue; // a demo insats without a lifecycle
            var vantad = faser.GetValueOrDefault(element, "?");
            lagen[fas] = lagen.GetValueOrDefault(fas) + 1;
            if (fas != vantad) oense.Add($"insatsen {id}: fas {fas}, instansen satte senast {vantad} ({element})");
        }
        detaljer.AddRange(oense);
        k.Add(new("Domänen och motorn är överens (fas ↔ instansens steg)", lagen.Values.Sum(), oense.Count));
        return lagen;
    }
}
