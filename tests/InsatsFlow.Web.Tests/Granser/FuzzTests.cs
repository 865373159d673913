using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Parsing;
using InsatsFlow.Rules.Loading;
using InsatsFlow.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace InsatsFlow.Web.Tests.Granser;

/// <summary>
/// The fuzz campaign: seeded and deterministic, over BPMN files (mutations of workflows/ and of a small process), rule files
/// (mutations of rules/), form submissions and API bodies. Each input is refused cleanly or accepted: never a 500 or an
/// exception other than the engine's refusals; a refusal names the file, line, element or field and is Swedish; and a
/// refusal changes nothing: a digest of every table's rows (Quartz's own bookkeeping aside) is the same before and after.
/// </summary>
/// <summary>
/// The fuzz's host polls for due jobs once a day, not every half second: the digest must see only what the refused
/// inputs did, not a timer that an accepted input scheduled falling due in between. Jobs due at the start run first.
/// </summary>
public sealed class TystApiVard() : ApiVard(new Dictionary<string, string> { [InsatsFlow.Engine.Jobs.JobOptions.Section + ":PollInterval"] = "1.00:00:00" })
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Factory.Services.GetRequiredService<InsatsFlow.Engine.Jobs.JobExecutor>().RunDueAsync();
    }
}

public sealed partial class FuzzTests(TystApiVard vard, ITestOutputHelper utskrift) : IClassFixture<TystApiVard>, IDisposable
{
    public void Dispose() => bevakning?.Dispose();

    private const int Frö = 20261201;

    [GeneratedRegex(@"\b(the|an|error|occurred|request|not|found|allowed|unauthorized|forbidden|unsupported|media|validation|failed|required|invalid|expected|internal|exception|object reference|cannot|could|value)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Engelska();

    private sealed class Tally
    {
        public int Inputs;
        public int Refused;
        public int Accepted;
        public readonly Dictionary<string, int> PerKind = [];
        public readonly Dictionary<string, TimeSpan> Time = [];
        public readonly List<string> Defects = [];

        public void Count(string kind) => PerKind[kind] = PerKind.GetValueOrDefault(kind) + 1;
    }

    [Fact]
    public async Task Tusen_felaktiga_indata_avvisas_rent_utan_500_och_utan_halva_skrivningar()
    {
        var slump = new Random(Frö);
        var tally = new Tally();
        var repo = RepoRot();
        var floden = Directory.GetFiles(Path.Combine(repo, "workflows"), "*.bpmn").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var regelfiler = Directory.GetFiles(Path.Combine(repo, "rules"), "*.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}tests{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}schema{Path.DirectorySeparatorChar}"))
            .Order(StringComparer.Ordinal).ToList();

        var digest = await DigestAsync();
        async Task Check(string kind, string what, Func<Task<(bool Refused, string? Problem)>> run)
        {
            tally.Inputs++;
            tally.Count(kind);
            var klocka = System.Diagnostics.Stopwatch.StartNew();
            bool refused;
            string? problem;
            try { (refused, problem) = await run(); }
            catch (Exception e)
            {
                tally.Defects.Add($"{kind} {what}: oväntat undantag {e.GetType().Name}: {e.Message[..Math.Min(300, e.Message.Length)]}");
                digest = await DigestAsync();
                return;
            }
            var after = await DigestAsync();
            if (refused)
            {
                tally.Refused++;
                if (problem is not null) tally.Defects.Add($"{kind} {what}: {problem}");
                if (after != digest) tally.Defects.Add($"{kind} {what}: avvisad men databasen ändrades");
            }
            else tally.Accepted++;
            digest = after;
            tally.Time[kind] = tally.Time.GetValueOrDefault(kind) + klocka.Elapsed;
        }

        // 1. BPMN through the engine's deploy (shipped workflows mutated, and a small process mutated).
        for (var i = 0; i < 160; i++)
        {
            var kalla = i % 10 == 0 ? floden[i / 10 % floden.Count] : Litet;
            var (text, hur) = MuteraXml(kalla, slump);
            await Check("bpmn-driftsattning", $"#{i} ({hur})", () => DriftsattAsync(text, $"fuzz-{i}.bpmn"));
        }
        // 2. BPMN through the API: validate (never writes) and publish a draft (the draft is saved first, then published or refused).
        var kansli = await vard.SomAsync(Roller.Kansli);
        for (var i = 0; i < 160; i++)
        {
            var (text, hur) = MuteraXml(i % 16 == 0 ? floden[i / 16 % floden.Count] : Litet, slump);
            var typ = i % 3 == 0 ? "application/json" : "application/xml";
            var innehall = typ == "application/json" ? JsonSerializer.Serialize(new { xml = text }) : text;
            await Check("bpmn-validera", $"#{i} ({hur})", () => HttpAsync(kansli, HttpMethod.Post, "/api/arbetsfloden/validera", innehall, typ, giltigtOmOk: true));
        }
        for (var i = 0; i < 60; i++)
        {
            var (text, hur) = MuteraXml(Litet, slump);
            var skapa = await kansli.PostAsync("/api/arbetsfloden/utkast", new StringContent(text, Encoding.UTF8, "application/xml"));
            if (skapa.StatusCode != HttpStatusCode.Created && skapa.StatusCode != HttpStatusCode.OK)
            {
                await Check("bpmn-utkast", $"#{i} ({hur})", () => Svar(skapa));
                continue;
            }
            digest = await DigestAsync(); // the draft is saved: that write is accepted
            var id = JsonDocument.Parse(await skapa.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
            await Check("bpmn-publicera", $"#{i} ({hur})", () => HttpAsync(kansli, HttpMethod.Post, $"/api/arbetsfloden/utkast/{id}/publicera", null, null));
        }

        // 3. Rule files: each mutated file alone in its regelverk's folder, loaded as the host loads the catalogue.
        for (var i = 0; i < 200; i++)
        {
            var fil = regelfiler[i % regelfiler.Count];
            var (text, hur) = MuteraJson(File.ReadAllText(fil), slump);
            await Check("regelfil", $"#{i} {Path.GetFileName(Path.GetDirectoryName(fil))}/{Path.GetFileName(fil)} ({hur})", () => Task.FromResult(LaddaRegelfil(fil, text)));
        }

        // 4. Form submissions on the demo data's open tasks, by whoever may complete them.
        var uppgifter = await OppnaUppgifterAsync();
        for (var i = 0; i < 220 && uppgifter.Count > 0; i++)
        {
            var (klient, uppgift) = uppgifter[i % uppgifter.Count];
            var (text, hur) = MuteraJson(JsonSerializer.Serialize(new { variabler = Formularvarden(slump), version = uppgift.Version }), slump);
            var ok = false;
            await Check("formular", $"#{i} {uppgift.FormKey} ({hur})", async () =>
            {
                var r = await HttpAsync(klient, HttpMethod.Post, $"/api/uppgifter/{uppgift.Id}/slutfor", text, "application/json");
                ok = !r.Refused;
                return r;
            });
            if (ok) uppgifter.RemoveAt(i % uppgifter.Count);
        }

        // 5. API bodies.
        var admin = await vard.SomAsync(Roller.Admin);
        var uppgiftId = uppgifter.Count > 0 ? uppgifter[0].Uppgift.Id : "finns-inte";
        var instans = await EnInstansAsync(admin);
        var mallar = new (string Url, string Metod, string Kropp, HttpClient Klient)[]
        {
            ("/api/insatser", "POST", """{"titel": "Fuzzinsats", "sokandeOrganisation": "Kommunen", "uppfoljningsintervall": "P6M"}""", kansli),
            ($"/api/tidsfrister/uppgifter/{uppgiftId}/flytta", "POST", """{"nyttDatum": "2027-01-15", "skal": "Semester"}""", kansli),
            ("/api/regelverk/balanskrav/prova", "POST", """{"datum": "2026-03-01", "indata": {"budget": {"intakter": 100, "kostnader": 90}}}""", kansli),
            ($"/api/instanser/{instans}/migrering/provkorning", "POST", """{"malDefinition": "insats-livscykel:1", "mappning": {"a": "b"}}""", admin),
            ($"/api/instanser/{instans}/migrering", "POST", """{"malDefinition": "insats-livscykel:999"}""", admin),
            ($"/api/uppgifter/{uppgiftId}/ta", "POST", "{}", kansli),
        };
        for (var i = 0; i < 240; i++)
        {
            var (url, metod, kropp, klient) = mallar[i % mallar.Length];
            var (text, hur) = MuteraJson(kropp, slump);
            var typ = slump.Next(12) == 0 ? "text/plain" : "application/json";
            await Check("api", $"#{i} {metod} {url} ({hur})", () => HttpAsync(klient, new HttpMethod(metod), url, text, typ));
        }

        utskrift.WriteLine($"Fuzz (frö {Frö}): {tally.Inputs} indata, {tally.Refused} avvisade, {tally.Accepted} godtagna, {tally.Defects.Count} defekter");
        foreach (var (kind, n) in tally.PerKind) utskrift.WriteLine($"  {kind}: {n} ({tally.Time.GetValueOrDefault(kind).TotalSeconds:0.0} s)");
        foreach (var d in tally.Defects) utskrift.WriteLine("  DEFEKT " + d);

        tally.Inputs.Should().BeGreaterThanOrEqualTo(1_000);
        tally.Refused.Should().BeGreaterThan(tally.Inputs / 2, "indata är felaktiga i de flesta fall");
        tally.Defects.Should().BeEmpty();
    }

    // ---- channels ----

    private async Task<(bool Refused, string? Problem)> DriftsattAsync(string xml, string fil)
    {
        try
        {
            await vard.DriftsattAsync(xml, fil);
            return (false, null);
        }
        catch (BpmnValidationException e)
        {
            var namnlos = e.Problems.Where(p => p.ElementId is null && p.Line <= 0 && !p.Message.Contains("gränsen")).ToList();
            if (!e.Message.Contains(fil)) return (true, "avvisningen namnger inte filen");
            if (namnlos.Count > 0) return (true, $"problem utan element och rad: {namnlos[0].Message}");
            return (true, Svenskt(e.Message));
        }
        catch (EngineValidationException e) { return (true, e.Message.Contains(fil) || e.Message.Contains("rad") ? Svenskt(e.Message) : $"avvisningen namnger varken fil eller rad: {e.Message}"); }
    }

    private static (bool Refused, string? Problem) LaddaRegelfil(string original, string text)
    {
        using var katalog = new TempKatalog();
        var regelverk = Path.GetFileName(Path.GetDirectoryName(original))!;
        var mapp = Path.Combine(katalog.Path, regelverk);
        Directory.CreateDirectory(mapp);
        File.WriteAllText(Path.Combine(mapp, Path.GetFileName(original)), text);
        var result = new RuleCatalogueLoader().Load(katalog.Path);
        if (result.Catalogue is not null) return (false, null);
        foreach (var p in result.Problems)
        {
            if (!p.File.Contains(regelverk)) return (true, $"problemet namnger inte filen: {p}");
            if (string.IsNullOrEmpty(p.Location) && !p.Message.Contains("rad")) return (true, $"problemet namnger varken sökväg, regel eller rad: {p}");
            if (Svenskt(p.Message) is { } fel) return (true, fel);
        }
        return (true, null);
    }

    private static async Task<(bool Refused, string? Problem)> HttpAsync(HttpClient klient, HttpMethod metod, string url, string? innehall, string? typ, bool giltigtOmOk = false)
    {
        var begaran = new HttpRequestMessage(metod, url);
        if (innehall is not null) begaran.Content = new StringContent(innehall, Encoding.UTF8, typ ?? "application/json");
        var svar = await klient.SendAsync(begaran);
        var (refused, problem) = await Svar(svar);
        if (!refused && giltigtOmOk)
        {
            // Validation answers 200 with its verdict; an invalid verdict must still name element or line.
            var dom = JsonDocument.Parse(await svar.Content.ReadAsStringAsync()).RootElement;
            if (dom.TryGetProperty("giltig", out var g) && !g.GetBoolean())
            {
                foreach (var p in dom.GetProperty("problem").EnumerateArray())
                    if (p.GetProperty("elementId").ValueKind == JsonValueKind.Null && p.GetProperty("rad").GetInt32() <= 0 && !(p.GetProperty("meddelande").GetString() ?? "").Contains("gränsen"))
                        return (true, $"valideringsproblem utan element och rad: {p}");
                return (true, null);
            }
        }
        return (refused, problem);
    }

    private static async Task<(bool Refused, string? Problem)> Svar(HttpResponseMessage svar)
    {
        var status = (int)svar.StatusCode;
        if (status >= 500) return (true, $"svarade {status}: {await svar.Content.ReadAsStringAsync()}");
        if (status < 400) return (false, null);
        var text = await svar.Content.ReadAsStringAsync();
        JsonElement problem;
        try { problem = JsonDocument.Parse(text).RootElement; }
        catch (JsonException) { return (true, $"{status} utan ProblemDetails: {text[..Math.Min(200, text.Length)]}"); }
        var titel = problem.TryGetProperty("title", out var t) ? t.GetString() ?? "" : "";
        var detalj = problem.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
        var falt = problem.TryGetProperty("errors", out var e) ? e.EnumerateObject().Select(f => f.Name + ": " + string.Join(" ", f.Value.EnumerateArray().Select(v => v.GetString()))).ToList() : [];
        if (Svenskt(titel) is { } a) return (true, $"{status}: titeln {a}");
        if (Svenskt(detalj) is { } b) return (true, $"{status}: detaljen {b}");
        foreach (var f in falt) if (Svenskt(f) is { } c) return (true, $"{status}: felet {c}");
        if (status == 400 && falt.Count == 0 && detalj.Length == 0) return (true, $"400 som inte namnger fält: {text}");
        if (falt.Count == 0 && detalj.Length == 0) return (true, $"{status} utan förklaring: {text}");
        return (true, null);
    }

    // The jurist's own expression, quoted after "(uttryck:", may hold English member names (.Value): only the message is judged.
    private static string? Svenskt(string text)
    {
        var meddelande = text.Split("(uttryck:", 2)[0];
        return Engelska().Match(meddelande) is { Success: true } m ? $"har engelska (\"{m.Value}\"): {text[..Math.Min(300, text.Length)]}" : null;
    }

    private async Task<List<(HttpClient Klient, UppgiftIn Uppgift)>> OppnaUppgifterAsync()
    {
        var lista = new List<(HttpClient, UppgiftIn)>();
        foreach (var roll in new[] { Roller.Kansli, Roller.Beredningsgrupp, Roller.Styrelse, Roller.Sokande })
        {
            var klient = await vard.SomAsync(roll);
            foreach (var vy in new[] { "mina", "grupp" })
                foreach (var u in await klient.PosterAsync<UppgiftIn>($"/api/uppgifter/{vy}"))
                    if (u.FormKey is not null && lista.All(x => x.Item2.Id != u.Id)) lista.Add((klient, u));
        }
        return lista;
    }

    private static async Task<string> EnInstansAsync(HttpClient admin)
    {
        var instanser = await admin.GetFromJsonAsync<JsonElement>("/api/instanser?process=insats-livscykel");
        var forsta = instanser.TryGetProperty("poster", out var poster) ? poster.EnumerateArray().FirstOrDefault() : default;
        return forsta.ValueKind == JsonValueKind.Object && forsta.TryGetProperty("id", out var id) ? id.GetString()! : "finns-inte";
    }

    public sealed record UppgiftIn(string Id, string? FormKey, long Version);

    // ---- mutations ----

    private static readonly string[] Farliga =
    [
        "${System.IO.File.ReadAllText(\"/etc/passwd\")}", "${Process.Start(\"sh\")}", "${Environment.UserName}", "${AppDomain.CurrentDomain}",
        "${\"x\".PadLeft(500000000)}", "${(((((((((((((((((((((((((((((((((((((((((a)))))))))))))))))))))))))))))))))))))))))}", "${a +}", "${}",
        "nästa vecka", "P", "R/P0D", "${arbetsdagar(99999999)}", "${arbetsdagar(-1)}", "${it.GetType()}", "${new(1 as a)}", "${\"", "${a.b.c.d(}",
        "\u0000", "&lt;&gt;&amp;", "${1/0 == 1}", "${x == \"", "2026-13-45", "${np(a.b)}", "${String('x', 999999999)}",
    ];

    private const string SkrapXml = "<>&\"'/={}$#\u0001é";
    private const string SkrapJson = "{}[],:\"\\'x1-.\u0000";

    private const string Litet = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:message id="m1" name="svar" />
          <bpmn:process id="fuzz" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="granska" name="Granska" camunda:candidateGroups="kansli" camunda:dueDate="${arbetsdagar(10)}">
              <bpmn:multiInstanceLoopCharacteristics camunda:collection="${medlemmar}" camunda:elementVariable="medlem" />
            </bpmn:userTask>
            <bpmn:boundaryEvent id="paminn" attachedToRef="granska" cancelActivity="false">
              <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P5D</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:exclusiveGateway id="val" default="f4" />
            <bpmn:intermediateCatchEvent id="vanta"><bpmn:messageEventDefinition messageRef="m1" /></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="slut" />
            <bpmn:endEvent id="paminnelse" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="granska" />
            <bpmn:sequenceFlow id="f2" sourceRef="granska" targetRef="val" />
            <bpmn:sequenceFlow id="f3" sourceRef="val" targetRef="vanta"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${beslut == "vidare"}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="f4" sourceRef="val" targetRef="slut" />
            <bpmn:sequenceFlow id="f5" sourceRef="vanta" targetRef="slut" />
            <bpmn:sequenceFlow id="f6" sourceRef="paminn" targetRef="paminnelse" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static (string Text, string Hur) MuteraXml(string xml, Random slump)
    {
        switch (slump.Next(12))
        {
            case 0:
                var at = slump.Next(xml.Length);
                return (xml[..at], $"avkortad vid {at}");
            case 1:
                var from = slump.Next(xml.Length);
                var len = slump.Next(1, 40);
                return (xml.Remove(from, Math.Min(len, xml.Length - from)), $"{len} tecken borttagna vid {from}");
            case 2:
                var pos = slump.Next(xml.Length);
                var skrap = new string(Enumerable.Range(0, slump.Next(1, 8)).Select(_ => SkrapXml[slump.Next(SkrapXml.Length)]).ToArray());
                return (xml.Insert(pos, skrap), $"skräp {JsonSerializer.Serialize(skrap)} vid {pos}");
            case 3:
                return (Regex.Replace(xml, "\\$\\{[^}<]*\\}", _ => Farliga[slump.Next(Farliga.Length)], RegexOptions.None, TimeSpan.FromSeconds(1)), "farliga uttryck");
            case 4:
                var uttryck = Farliga[slump.Next(Farliga.Length)];
                return (Regex.Replace(xml, "camunda:dueDate=\"[^\"]*\"", $"camunda:dueDate=\"{System.Security.SecurityElement.Escape(uttryck)}\""), $"frist {uttryck}");
            case 5:
                return (xml.Replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>").Replace("name=\"Granska\"", "name=\"&b;\""), "DTD");
            case 6:
                var ids = Regex.Matches(xml, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
                var id = ids.Count > 0 ? ids[slump.Next(ids.Count)] : "x";
                return (Regex.Replace(xml, $"(sourceRef|targetRef|attachedToRef|default)=\"{Regex.Escape(id)}\"", "$1=\"saknas\""), $"referens {id} bruten");
            case 7:
                var ids2 = Regex.Matches(xml, " id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
                var dubbel = ids2.Count > 1 ? ids2[slump.Next(ids2.Count)] : "x";
                return (xml.Replace($" id=\"{ids2.FirstOrDefault() ?? "d"}\"", $" id=\"{dubbel}\""), $"dubblerat id {dubbel}");
            case 8:
                return (xml.Replace("<bpmn:endEvent id=\"slut\" />", "<bpmn:endEvent id=\"slut\" /><bpmn:complexGateway id=\"komplex\" /><bpmn:task id=\"t\"><bpmn:standardLoopCharacteristics /></bpmn:task>")
                    .Replace("</bpmn:process>", "<bpmn:scriptTask id=\"skript\" scriptFormat=\"js\"><bpmn:script>while(1){}</bpmn:script></bpmn:scriptTask></bpmn:process>"), "okända element");
            case 9:
                var djup = slump.Next(50, 3000);
                return (xml.Replace("</bpmn:process>", string.Concat(Enumerable.Range(0, djup).Select(i => $"<bpmn:subProcess id=\"s{i}\">")) + string.Concat(Enumerable.Repeat("</bpmn:subProcess>", djup)) + "</bpmn:process>"), $"nästlat {djup}");
            case 10:
                return (Regex.Replace(xml, "<bpmn:time(Duration|Date|Cycle)([^>]*)>[^<]*<", m => $"<bpmn:time{m.Groups[1].Value}{m.Groups[2].Value}>{System.Security.SecurityElement.Escape(Farliga[slump.Next(Farliga.Length)])}<"), "timervärden");
            default:
                var attr = Regex.Matches(xml, "(camunda:[a-zA-Z]+|calledElement|messageRef|errorRef|isSequential|cancelActivity)=\"[^\"]*\"").ToList();
                if (attr.Count == 0) return (xml + "<", "skräp sist");
                var valt = attr[slump.Next(attr.Count)];
                var nytt = slump.Next(3) switch { 0 => "", 1 => System.Security.SecurityElement.Escape(Farliga[slump.Next(Farliga.Length)])!, _ => new string('x', slump.Next(1, 5000)) };
                return (xml.Remove(valt.Index, valt.Length).Insert(valt.Index, valt.Value.Split('=')[0] + "=\"" + nytt + "\""), $"attributet {valt.Value.Split('=')[0]}");
        }
    }

    private static (string Text, string Hur) MuteraJson(string json, Random slump)
    {
        switch (slump.Next(10))
        {
            case 0:
                var at = slump.Next(json.Length);
                return (json[..at], $"avkortad vid {at}");
            case 1:
                var pos = slump.Next(json.Length);
                var skrap = new string(Enumerable.Range(0, slump.Next(1, 5)).Select(_ => SkrapJson[slump.Next(SkrapJson.Length)]).ToArray());
                return (json.Insert(pos, skrap), $"skräp {JsonSerializer.Serialize(skrap)} vid {pos}");
            case 2:
                return (string.Concat(Enumerable.Repeat("[", slump.Next(30, 5000))), "djup nästling");
            case 3:
                return (slump.Next(4) switch { 0 => "", 1 => "null", 2 => "[]", _ => "\"text\"" }, "fel rot");
            default:
                JsonNode? rot;
                try { rot = JsonNode.Parse(json); }
                catch (JsonException) { return (json + "}", "trasig från början"); }
                if (rot is null) return ("{", "tom");
                var noder = Noder(rot).Where(n => n.Parent is not null).ToList();
                if (noder.Count == 0) return ("{\"okänt\": 1}", "okänt fält");
                var nod = noder[slump.Next(noder.Count)];
                var sokvag = nod.GetPath();
                JsonNode? ersattning = slump.Next(11) switch
                {
                    0 => null,
                    1 => JsonValue.Create(-1),
                    2 => JsonValue.Create(new string('x', slump.Next(1, 200_000))),
                    3 => JsonValue.Create(1e300),
                    4 => new JsonArray(JsonValue.Create(1), JsonValue.Create("två")),
                    5 => new JsonObject { ["$date"] = "inte ett datum" },
                    6 => JsonValue.Create(Farliga[slump.Next(Farliga.Length)]),
                    7 => JsonValue.Create(true),
                    8 => JsonValue.Create("2026-02-30"),
                    9 => JsonValue.Create(long.MaxValue),
                    _ => new JsonObject { ["okänt"] = new JsonObject { ["djup"] = new JsonArray() } },
                };
                if (nod.Parent is JsonObject foralder && slump.Next(5) == 0)
                {
                    foralder.Remove(nod.GetPropertyName());
                    return (rot.ToJsonString(), $"{sokvag} borttagen");
                }
                nod.ReplaceWith(ersattning);
                return (rot.ToJsonString(), $"{sokvag} ersatt");
        }
    }

    private static IEnumerable<JsonNode> Noder(JsonNode nod)
    {
        yield return nod;
        var barn = nod switch
        {
            JsonObject o => o.Select(p => p.Value).OfType<JsonNode>().ToList(),
            JsonArray a => a.OfType<JsonNode>().ToList(),
            _ => [],
        };
        foreach (var b in barn)
            foreach (var n in Noder(b)) yield return n;
    }

    private static Dictionary<string, object?> Formularvarden(Random slump)
    {
        string[] namn = ["beslut", "motivering", "ideBeslut", "styrelsebeslut", "belopp", "datum", "medlem", "rekommendation", "kommentar", "budgetar", "alternativ", "antagenDatum"];
        object?[] varden = ["bifall", "vidare", "", null, 12, -5, "2026-12-01", "x".PadLeft(3000, 'x'), true, new[] { 1, 2 }, new Dictionary<string, object?> { ["a"] = 1 }, 1e20];
        var varde = new Dictionary<string, object?>();
        foreach (var n in namn.Where(_ => slump.Next(2) == 0)) varde[n] = varden[slump.Next(varden.Length)];
        return varde;
    }

    // ---- the database digest ----

    private SqliteConnection? bevakning;
    private long version = -1;
    private string senaste = "";

    /// <summary>
    /// The digest of every table's rows. SQLite's data_version (seen from this connection) changes with every commit of another
    /// connection, so while it stands still nothing was written and the last digest still holds; when it moves, the rows are read again.
    /// </summary>
    private async Task<string> DigestAsync()
    {
        if (bevakning is null)
        {
            bevakning = new SqliteConnection($"Data Source={vard.Factory.DatabaseFile};Mode=ReadOnly;Pooling=False");
            await bevakning.OpenAsync();
        }
        await using (var fraga = bevakning.CreateCommand())
        {
            fraga.CommandText = "PRAGMA data_version";
            var nu = (long)(await fraga.ExecuteScalarAsync())!;
            if (nu == version) return senaste;
            version = nu;
        }
        senaste = await RaderAsync(bevakning);
        return senaste;
    }

    private static async Task<string> RaderAsync(SqliteConnection db)
    {
        var tabeller = new List<string>();
        await using (var lista = db.CreateCommand())
        {
            lista.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'QRTZ%' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var r = await lista.ExecuteReaderAsync();
            while (await r.ReadAsync()) tabeller.Add(r.GetString(0));
        }
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var tabell in tabeller)
        {
            sha.AppendData(Encoding.UTF8.GetBytes("#" + tabell));
            await using var fraga = db.CreateCommand();
            fraga.CommandText = $"SELECT * FROM \"{tabell}\" ORDER BY 1";
            await using var r = await fraga.ExecuteReaderAsync();
            while (await r.ReadAsync())
                for (var i = 0; i < r.FieldCount; i++)
                    sha.AppendData(Encoding.UTF8.GetBytes((r.IsDBNull(i) ? "∅" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)) + "|"));
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private static string RepoRot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "InsatsFlow.sln"))) return dir.FullName;
        throw new InvalidOperationException("InsatsFlow.sln hittades inte");
    }

    private sealed class TempKatalog : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "insatsflow-fuzz-" + Guid.NewGuid().ToString("N"));

        public TempKatalog() => Directory.CreateDirectory(Path);

        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); }
            catch (IOException) { /* the OS cleans temp */ }
        }
    }
}
