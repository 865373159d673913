using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InsatsFlow.Data;
using System.Data.Common;
using InsatsFlow.Engine.Jobs;
using InsatsFlow.Engine.Store;
using Microsoft.EntityFrameworkCore;
using static InsatsFlow.Simulering.Simuleringsdata;

namespace InsatsFlow.Kraschprov;

public sealed record RegistreradInsats(string Id, string? InstansId);

/// <summary>
/// The demo people at work through the API, each signed in with a cookie of their own: the sökande registers
/// insatser and writes idé, ansökan, uppföljningar and slutrapport; the beredningsgrupp decides on the idé and
/// proposes implementering; each medlem's representative writes its yttrande; the kansli writes the förslag till
/// beslut (and works the campaign flow); the styrelse decides. The form data is the CLI simulation's
/// (<see cref="InsatsFlow.Simulering.Simuleringsdata"/>), and each insats meets a seeded mix of outcomes (idé
/// avslagen, komplettering, styrelsens avslag or återremiss, bifall). Every command has its own x-requestid; when the
/// host dies mid-request the same request is sent again, with the same key and body, until the host answers.
/// With two nodes each request goes to one of them at random, and a request the node did not answer (killed
/// mid-request) is sent again to the other, with the same key and body. Between rounds it plays the clock: a lifecycle waiting months for its next uppföljning, for six months before its
/// slutdatum or for the slutdatum gets that one timer's job made due now, so lifecycles run to their end in seconds.
/// </summary>
public sealed partial class Drivare(int fro)
{
    /// <summary>The timers of the lifecycle that wait months; the campaign makes the earliest of each instance due now.</summary>
    public static readonly string[] Langtimrar = ["Event_uppfoljningsperiod", "Event_slutdatum", "Event_implementering_tid"];

    /// <summary>The campaign's insatser run 12 months with uppföljning every 6 months (P6M).</summary>
    private const int UppfoljningsperioderPerInsats = 2;

    private static readonly string[] Medlemmar = ["Försäkringskassan", "Arbetsförmedlingen", "Region Demo", "Norrby kommun"];
    private static readonly string[] Narvarande = ["Anna Lindqvist", "Erik Johansson", "Maria Berg", "Johan Ek"];
    private const string SokandeEpost = "sokande@demo.insatsflow.se";

    private sealed class Aktor(string epost)
    {
        public string Epost => epost;
        public CookieContainer Kakor { get; } = new();
    }

    /// <summary>What one insats will meet, decided when it is registered.</summary>
    private sealed record Utfall(bool IdeAvslag, bool Komplettera, bool FelKostnad, bool StyrelseAvslag, bool Aterremiss, string Alternativ)
    {
        public bool Kompletterad { get; set; }
        public bool FelRattad { get; set; }
        public bool Remitterad { get; set; }
        public DateOnly? Start { get; set; }
        public DateOnly? Slut { get; set; }
        public bool SusRegistrerad { get; set; }
    }

    private readonly Random slump = new(fro);
    private readonly Aktor[] aktorer =
    [
        new(SokandeEpost), new("kansli@demo.insatsflow.se"), new("beredning@demo.insatsflow.se"), new("beredning.region@demo.insatsflow.se"),
        new("beredning.kommun@demo.insatsflow.se"), new("beredning.af@demo.insatsflow.se"), new("styrelse@demo.insatsflow.se"),
    ];
    private readonly ConcurrentDictionary<string, Utfall> utfall = new();
    private readonly HashSet<string> avklarade = [];
    private int raknare;
    private int paragraf;
    private (Aktor Aktor, HttpClient Http)? kansli;

    public ConcurrentBag<string> Kvitterade { get; } = [];
    public List<RegistreradInsats> Insatser { get; } = [];
    public ConcurrentBag<string> Nekade { get; } = [];
    public ConcurrentQueue<string> Fel { get; } = [];
    public int Slutforda => Kvitterade.Count;
    private int kommandon;

    /// <summary>Commands the host answered (not refused): the campaign kills only after some work since the last start.</summary>
    public int Kommandon => Volatile.Read(ref kommandon);
    public int KlockanSpelad { get; private set; }

    /// <summary>Campaign lifecycles open at once: no new insats is registered while this many have not ended.</summary>
    public int HogstOppna { get; init; } = 6;

    /// <summary>Set for the final run without kills: the open lifecycles are finished, no new ones begun.</summary>
    public bool RegistreraInga { get; set; }

    /// <summary>The campaign's registered lifecycles whose instance still runs (-1 when the database is busy).</summary>
    public async Task<int> OppnaAsync(Kampanjdatabas databas, CancellationToken ct)
    {
        List<string> ids;
        lock (Insatser) ids = [.. Insatser.Where(i => i.InstansId is not null).Select(i => i.InstansId!)];
        if (ids.Count == 0) return 0;
        try
        {
            await using var db = databas.Oppna();
            return await db.Set<ProcessInstance>().CountAsync(i => ids.Contains(i.Id) && i.Status == InstanceStatus.Running, ct);
        }
        catch (DbException)
        {
            return -1;
        }
    }

    private IReadOnlyList<Vard> vardar = [];
    private readonly Random nodval = new(fro + 1);
    private long[] svarPerNod = [];

    /// <summary>Answers each node gave (any status below 500), by its place in the list the driver was given.</summary>
    public long SvarFran(int nod) => Interlocked.Read(ref svarPerNod[nod]);

    // the cookie is the host's (its keys are in the shared database), and a cookie names no port: one jar serves both nodes
    private static HttpClient Klient(Aktor a) => new(new HttpClientHandler { CookieContainer = a.Kakor, AllowAutoRedirect = false })
    { Timeout = TimeSpan.FromSeconds(30) };

    public async Task KorAsync(IReadOnlyList<Vard> noder, Kampanjdatabas databas, CancellationToken ct)
    {
        Anslut(noder);
        var klienter = aktorer.Select(a => (Aktor: a, Http: Klient(a))).ToList();
        kansli = klienter[1];
        var nastaInsats = DateTime.UtcNow;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    if (!RegistreraInga && DateTime.UtcNow >= nastaInsats && await OppnaAsync(databas, ct) is >= 0 and var oppna && oppna < HogstOppna)
                    {
                        await RegistreraAsync(klienter[0].Http, klienter[0].Aktor, ct);
                        nastaInsats = DateTime.UtcNow + TimeSpan.FromSeconds(slump.Next(2, 5));
                    }
                    foreach (var (aktor, http) in klienter)
                    {
                        var svar = await SkickaAsync(http, aktor, () => new HttpRequestMessage(HttpMethod.Get, "/api/uppgifter/grupp?sortering=skapad&antal=200"), ct);
                        List<JsonElement> lista = svar is { StatusCode: HttpStatusCode.OK } ? [.. (await svar.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("poster").EnumerateArray()] : [];
                        foreach (var u in lista.Where(Var).OrderBy(u => u.GetProperty("skapad").GetDateTimeOffset()).Take(6))
                            await SlutforAsync(http, aktor, u, ct);
                    }
                    KlockanSpelad += await SpelaKlockanAsync(databas, ct);
                    await Task.Delay(slump.Next(50, 250), ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    // the campaign's own mistake (an answer it did not expect): shown in the log, and the work goes on
                    Fel.Enqueue($"{e.GetType().Name}: {e.Message} {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}");
                    await Task.Delay(300, ct);
                }
            }
        }
        finally
        {
            foreach (var (_, http) in klienter) http.Dispose();
        }

        bool Var(JsonElement u)
        {
            var process = u.GetProperty("process").GetString();
            return (process is "kraschprov" or "insats-livscykel") && !avklarade.Contains(u.GetProperty("id").GetString()!);
        }
    }

    private async Task RegistreraAsync(HttpClient http, Aktor sokande, CancellationToken ct)
    {
        var n = Interlocked.Increment(ref raknare);
        var nyckel = $"kraschprov-insats-{fro}-{n}";
        var tarning = slump.NextDouble();
        var u = new Utfall(tarning < 0.08, tarning is >= 0.08 and < 0.18, tarning is >= 0.18 and < 0.23, tarning is >= 0.23 and < 0.30,
            tarning is >= 0.30 and < 0.35, Alternativ[slump.Next(Alternativ.Length)]);
        var kropp = JsonSerializer.Serialize(new { titel = $"Kraschprov {n}", sokandeOrganisation = "Norrby kommun", uppfoljningsintervall = "P6M" });
        var svar = await SkickaAsync(http, sokande, () => Med(new HttpRequestMessage(HttpMethod.Post, "/api/insatser") { Content = Json(kropp) }, nyckel), ct);
        if (svar?.StatusCode != HttpStatusCode.Created)
        {
            if (svar is not null) Fel.Enqueue($"registreringen {nyckel} svarade {(int)svar.StatusCode}: {await svar.Content.ReadAsStringAsync(ct)}");
            return;
        }
        var body = await svar.Content.ReadFromJsonAsync<JsonElement>(ct);
        var instans = body.TryGetProperty("instansId", out var i) ? i.GetString() : null;
        if (instans is not null) utfall[instans] = u;
        lock (Insatser) Insatser.Add(new(body.GetProperty("id").GetString()!, instans));
    }

    private async Task SlutforAsync(HttpClient http, Aktor aktor, JsonElement uppgift, CancellationToken ct)
    {
        var id = uppgift.GetProperty("id").GetString()!;
        var formKey = uppgift.TryGetProperty("formKey", out var f) ? f.GetString() : null;
        var instans = uppgift.GetProperty("instansId").GetString()!;
        var u = utfall.GetOrAdd(instans, _ => new Utfall(false, false, false, false, false, Alternativ[0]));
        var data = Formular(formKey, u, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Stockholm).DateTime));
        if (data is null) { Nekade.Add($"{aktor.Epost}: formuläret {formKey} känns inte igen ({id})"); avklarade.Add(id); return; }
        var kropp = JsonSerializer.Serialize(new { variabler = data });

        // the styrelse may grant only what SUS needs (sus-uppgifter): the kansli registers it first, as it would
        if (formKey == "styrelsebeslut" && !u.SusRegistrerad
            && !await RegistreraSusAsync(uppgift.TryGetProperty("affarsnyckel", out var nyckel) ? nyckel.GetString() : null, u, ct)) return;
        var ta = await SkickaAsync(http, aktor, () => Med(new HttpRequestMessage(HttpMethod.Post, $"/api/uppgifter/{id}/ta"), $"ta-{id}"), ct);
        if (ta?.IsSuccessStatusCode != true)
        {
            if (ta is not null) Fel.Enqueue($"{aktor.Epost} tar {uppgift.GetProperty("elementId").GetString()} ({id}): {(int)ta.StatusCode} {await ta.Content.ReadAsStringAsync(ct)}");
            return;
        }
        var klar = await SkickaAsync(http, aktor, () => Med(new HttpRequestMessage(HttpMethod.Post, $"/api/uppgifter/{id}/slutfor") { Content = Json(kropp) }, $"slutfor-{id}"), ct);
        if (klar?.StatusCode == HttpStatusCode.OK)
        {
            Kvitterade.Add(id);
            avklarade.Add(id);
            if (formKey == "beredning-beslut" && u.Komplettera) u.Kompletterad = true;
            if (formKey == "ansokan" && u.FelKostnad) u.FelRattad = true;
            if (formKey == "styrelsebeslut" && u.Aterremiss) u.Remitterad = true;
        }
        else if (klar is { StatusCode: HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity })
        {
            Nekade.Add($"{aktor.Epost} vid {uppgift.GetProperty("elementId").GetString()} ({formKey}): {(int)klar.StatusCode} {await klar.Content.ReadAsStringAsync(ct)}");
            if (formKey == "ansokan" && u.FelKostnad) u.FelRattad = true; // the wrong cost type is refused on purpose; then it is corrected
            else avklarade.Add(id);
        }
        else if (klar is not null)
            Fel.Enqueue($"{aktor.Epost} slutför {uppgift.GetProperty("elementId").GetString()} ({id}): {(int)klar.StatusCode} {await klar.Content.ReadAsStringAsync(ct)}");
    }

    /// <summary>The kansli's SUS registration of the insats: one planned count and budget per calendar year of its period.</summary>
    /// <param name="insatsId">The task's business key: the insats's id (the registration's answer names no instance).</param>
    private async Task<bool> RegistreraSusAsync(string? insatsId, Utfall u, CancellationToken ct)
    {
        if (insatsId is null || u.Start is not { } start || u.Slut is not { } slut || kansli is not { } k) return false;
        var ar = Enumerable.Range(start.Year, slut.Year - start.Year + 1).ToList();
        var kropp = JsonSerializer.Serialize(new
        {
            beskrivning = "Samordnat stöd till arbete.", inriktning = "individinriktad", preciseradInriktning = "samordnad-rehabilitering",
            matningsmetod = "personuppgifter-eller-anonym", malgrupper = new[] { "sjukskrivna" },
            arsplaner = ar.Select(a => new { ar = a, planeradeDeltagare = 20 }),
            budgetposter = ar.Select(a => new { ar = a, budgettyp = "insatskostnad", budget = 300_000m }),
        });
        var svar = await SkickaAsync(k.Http, k.Aktor, () => new HttpRequestMessage(HttpMethod.Put, $"/api/insatser/{insatsId}/sus") { Content = Json(kropp) }, ct);
        if (svar?.StatusCode == HttpStatusCode.OK) u.SusRegistrerad = true;
        else if (svar is not null) Nekade.Add($"{k.Aktor.Epost}: SUS för {insatsId}: {(int)svar.StatusCode} {await svar.Content.ReadAsStringAsync(ct)}");
        return u.SusRegistrerad;
    }

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>The form a simulated person fills in, as the CLI simulation fills it (the sökande is the kontaktperson).</summary>
    private object? Formular(string? formKey, Utfall u, DateOnly idag)
    {
        switch (formKey)
        {
            case null: return new { };
            case "idefas": return Idefas(raknare);
            case "beredning-beslut":
                return new { ideBeslut = u.IdeAvslag ? "avsla" : u.Komplettera && !u.Kompletterad ? "komplettera" : "vidare", motivering = "Bedömning." };
            case "ansokan":
                var start = idag.AddMonths(2);
                (u.Start, u.Slut) = (start, start.AddMonths(12).AddDays(-1));
                var ansokan = JsonSerializer.SerializeToNode(Ansokan(start, start.AddMonths(12).AddDays(-1), Medlemmar, u.FelKostnad && !u.FelRattad ? "busskort" : "personal"))!;
                ansokan["kontaktpersoner"] = new JsonArray(new JsonObject { ["namn"] = "Helena Strand", ["roll"] = "Projektledare", ["epost"] = SokandeEpost });
                return ansokan;
            case "yttrande": return new { sammanfattning = "Vi tillstyrker.", tillstyrker = true };
            case "forslag-till-beslut": return new { forslag = "bifall" };
            case "styrelsebeslut":
                return Sammantrade(idag, Interlocked.Increment(ref paragraf), Narvarande,
                    new { styrelsebeslut = u.StyrelseAvslag ? "avslag" : u.Aterremiss && !u.Remitterad ? "aterremiss" : "bifall" });
            case "uppfoljningsrapport":
                return new { periodFran = D(idag.AddMonths(-6)), periodTill = D(idag), antalDeltagare = 12, sammanfattning = "Enligt plan." };
            case "implementeringsforslag": return Implementering("foreslagetAlternativ", u.Alternativ, idag.Year + 1);
            case "implementeringsbeslut":
                return Sammantrade(idag, Interlocked.Increment(ref paragraf), Narvarande, Implementering("implementeringsalternativ", u.Alternativ, idag.Year + 1));
            case "slutrapport": return new { slutrapportDatum = D(idag), resultat = "Målen nåddes till stor del." };
            default: return null;
        }
    }

    private void Anslut(IReadOnlyList<Vard> noder)
    {
        if (vardar.Count == noder.Count) return;
        vardar = noder;
        svarPerNod = new long[noder.Count];
    }

    /// <summary>Makes the earliest waiting long timer of each lifecycle due now (the campaign's clock), one per instance and round.</summary>
    private static async Task<int> SpelaKlockanAsync(Kampanjdatabas databas, CancellationToken ct)
    {
        try
        {
            await using var db = databas.Oppna();
            var nu = DateTimeOffset.UtcNow;
            var snart = nu + TimeSpan.FromSeconds(2);
            var vantande = await (
                from j in db.Set<Job>()
                join t in db.Set<TimerJob>() on j.Target equals t.Id
                where j.Kind == EngineTimerJobs.KindName && j.State == JobState.Pending && t.State == TimerState.Pending && Langtimrar.Contains(t.ElementId)
                select new { j.Id, j.DueAt, t.InstanceId, t.ElementId }).ToListAsync(ct);
            // real time does not pass, so the next period's timer (now + 6 months) would always be the earliest and the
            // uppföljning loop would never reach its slutdatum: after its periods only the implementering and slutdatum timers are played
            var rapporterade = (await db.Set<JournalEntry>().Where(f => f.Event == "timer-fired" && f.ElementId == Langtimrar[0])
                .GroupBy(f => f.InstanceId).Where(g => g.Count() >= UppfoljningsperioderPerInsats).Select(g => g.Key).ToListAsync(ct)).ToHashSet();
            vantande.RemoveAll(v => v.ElementId == Langtimrar[0] && rapporterade.Contains(v.InstanceId));
            var tidigast = vantande.GroupBy(v => v.InstanceId).Select(g => g.MinBy(v => v.DueAt)!).Where(v => v.DueAt > snart).Select(v => v.Id).ToList();
            if (tidigast.Count == 0) return 0;
            // the same conditions again: a job a node finished or moved meanwhile is left as it is
            return await db.Set<Job>().Where(j => tidigast.Contains(j.Id) && j.State == JobState.Pending && j.DueAt > snart)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.DueAt, nu), ct);
        }
        catch (DbException)
        {
            return 0; // busy: the next round
        }
    }

    private static StringContent Json(string kropp) => new(kropp, Encoding.UTF8, "application/json");

    private static HttpRequestMessage Med(HttpRequestMessage m, string nyckel)
    {
        m.Headers.Add("x-requestid", nyckel);
        return m;
    }

    /// <summary>
    /// Sends until a host answers (one may be down for a while): to a node at random, and after a failure to the next
    /// one; signs in again (on that node) when the answer is 401.
    /// </summary>
    private async Task<HttpResponseMessage?> SkickaAsync(HttpClient http, Aktor aktor, Func<HttpRequestMessage> begaran, CancellationToken ct)
    {
        int nod;
        lock (nodval) nod = nodval.Next(vardar.Count);
        for (var forsok = 0; forsok < 600; forsok++)
        {
            ct.ThrowIfCancellationRequested();
            var vard = vardar[nod];
            try
            {
                var m = begaran();
                m.RequestUri = new Uri(vard.Adress, m.RequestUri!);
                var svar = await http.SendAsync(m, ct);
                if ((int)svar.StatusCode < 500) Interlocked.Increment(ref svarPerNod[nod]);
                if (svar.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect or HttpStatusCode.Found)
                {
                    await LoggaInAsync(http, vard, aktor, ct);
                    continue;
                }
                if ((int)svar.StatusCode >= 500)
                {
                    // a host that is starting answers 503 for a moment; any other 5xx is the host's fault, shown in the log
                    if (svar.StatusCode != HttpStatusCode.ServiceUnavailable && forsok % 20 == 0)
                        Fel.Enqueue($"{aktor.Epost}: {m.Method} {m.RequestUri?.PathAndQuery} svarade {(int)svar.StatusCode} ({vard.Nod})");
                    nod = (nod + 1) % vardar.Count;
                    await Task.Delay(300, ct);
                    continue;
                }
                if (svar.IsSuccessStatusCode && begaran is not null) Interlocked.Increment(ref kommandon);
                return svar;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            catch (IOException) { }
            nod = (nod + 1) % vardar.Count;
            await Task.Delay(300, ct);
        }
        return null;
    }

    private static async Task LoggaInAsync(HttpClient http, Vard vard, Aktor aktor, CancellationToken ct)
    {
        var sida = await http.GetStringAsync(new Uri(vard.Adress, "/logga-in"), ct);
        var token = Token().Match(sida).Groups[1].Value;
        var svar = await http.PostAsync(new Uri(vard.Adress, "/konto/logga-in"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["epost"] = aktor.Epost, ["losenord"] = Kampanj.Losenord, ["__RequestVerificationToken"] = token, ["returnUrl"] = "/",
        }), ct);
        if (svar.Headers.Location?.ToString().Contains("fel=") == true) throw new InvalidOperationException($"Inloggningen som {aktor.Epost} misslyckades.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>
    /// Every instance's hash chain: those of the kansli's förbund verified by the host (GET …/journal/verifiering), asked as
    /// the kansli; the others (the campaign flow's, started by a timer for no förbund, and the second demo förbund's), which
    /// the kansli may not see, verified here from the database with the engine's own check.
    /// </summary>
    public async Task<(int Provade, List<string> Brutna)> VerifieraJournalerAsync(IReadOnlyList<Vard> noder, Kampanjdatabas databas, CancellationToken ct)
    {
        Anslut(noder);
        List<(string Id, string? TenantId)> alla;
        Guid? demo;
        await using (var db = databas.Oppna())
        {
            demo = await db.Forbund.Where(f => f.Organisationsnummer == InsatsFlow.Data.Demo.DemoSeeder.Organisationsnummer).Select(f => (Guid?)f.Id).SingleOrDefaultAsync(ct);
            alla = [.. (await db.Set<ProcessInstance>().Select(i => new { i.Id, i.TenantId }).ToListAsync(ct)).Select(i => (i.Id, i.TenantId))];
        }
        // the tenant is the förbund's id as text: compared as a Guid, whatever case the provider stores it in
        bool Demons(string? tenant) => demo is { } d && Guid.TryParse(tenant, out var t) && t == d;
        var ids = alla.Where(i => Demons(i.TenantId)).Select(i => i.Id).ToList();
        var ovriga = alla.Where(i => !Demons(i.TenantId)).Select(i => i.Id).ToList();
        var egna = await VerifieraIDatabasenAsync(databas, ovriga, ct);
        var kansli = aktorer[1];
        using var http = Klient(kansli);
        var brutna = new List<string>();
        foreach (var id in ids)
        {
            var svar = await SkickaAsync(http, kansli, () => new HttpRequestMessage(HttpMethod.Get, $"/api/instanser/{id}/journal/verifiering"), ct);
            if (svar?.StatusCode != HttpStatusCode.OK) { brutna.Add($"instansen {id}: verifieringen svarade {(int?)svar?.StatusCode}"); continue; }
            var v = await svar.Content.ReadFromJsonAsync<JsonElement>(ct);
            if (!v.GetProperty("obruten").GetBoolean()) brutna.Add($"instansen {id}: journalen bruten vid post {v.GetProperty("forstaBrutnaPost")}");
        }
        brutna.AddRange(egna);
        return (ids.Count + ovriga.Count, brutna);
    }

    private static async Task<List<string>> VerifieraIDatabasenAsync(Kampanjdatabas databas, List<string> ids, CancellationToken ct)
    {
        await using var db = databas.Oppna();
        var brutna = new List<string>();
        foreach (var id in ids)
        {
            var instans = await db.Set<ProcessInstance>().AsNoTracking().SingleAsync(i => i.Id == id, ct);
            var poster = await db.Set<JournalEntry>().AsNoTracking().Where(j => j.InstanceId == id).ToListAsync(ct);
            var v = InsatsFlow.Engine.Journal.JournalChain.Verify(instans, poster);
            if (!v.Intact) brutna.Add($"instansen {id}: journalen bruten vid post {v.FirstBrokenSequence} ({v.Problem})");
        }
        return brutna;
    }
}
