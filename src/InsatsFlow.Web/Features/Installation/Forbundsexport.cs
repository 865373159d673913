using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Dokument;
using InsatsFlow.Data;
using InsatsFlow.Data.Rules;
using InsatsFlow.Engine.Store;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Web.Features.Installation;

/// <summary>
/// A förbund's data whole, as one zip: <c>forbund.json</c> (the förbund, members with shares, styrelser, meetings, insatser,
/// decisions, budgets, diarium, parameters, its event log, its users with their roles there, machine clients and webhook
/// subscriptions without secrets, and the engine's instances, tasks, timers, incidents, journal and rule evaluations) and
/// <c>dokument/&lt;id&gt;.html</c> for every archived document. It reads through a context filtered to that förbund — the same
/// query filters that keep förbund apart on every request — and names the förbund in every query besides, so nothing of
/// another förbund can be in it.
/// </summary>
public sealed class Forbundsexport(IDbContextFactory<InsatsFlowDbContext> kontexter, TimeProvider tid)
{
    public const string Format = "insatsflow-forbundsexport";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The zip's bytes and file name, or null when there is no such förbund.</summary>
    public async Task<(byte[] Zip, string Filnamn)?> SkapaAsync(Guid forbundId, string exporteradAv, CancellationToken ct)
    {
        await using var db = await kontexter.CreateDbContextAsync(ct);
        db.Forbundsfilter = new FastForbund(forbundId);
        var forbund = await db.Forbund.AsNoTracking().FirstOrDefaultAsync(f => f.Id == forbundId, ct);
        if (forbund is null) return null;
        var tenant = AktivtForbund.Tenant(forbundId);

        var insatser = await db.Insatser.AsNoTracking().Where(i => i.ForbundId == forbundId).OrderBy(i => i.Diarienummer).ToListAsync(ct);
        var insatsIds = insatser.Select(i => i.Id).ToList();
        // ordered here: SQLite cannot order by a DateTimeOffset
        var instanser = (await db.Set<ProcessInstance>().AsNoTracking().Where(p => p.TenantId == tenant).ToListAsync(ct)).OrderBy(p => p.StartedAt).ToList();
        var instansIds = instanser.Select(p => p.Id).ToList();
        var roller = await db.Forbundsroller.AsNoTracking().Where(r => r.ForbundId == forbundId).ToListAsync(ct);
        var anvandarIds = roller.Select(r => r.AnvandareId).Distinct().ToList();
        var anvandare = await db.Users.AsNoTracking().Where(u => anvandarIds.Contains(u.Id)).OrderBy(u => u.Email).ToListAsync(ct);
        var medlemIds = forbund.Medlemmar.Select(m => m.Id).ToList();
        var dokument = await db.Set<ArkiveratDokument>().AsNoTracking()
            .Where(d => d.ProcessInstansId != null && instansIds.Contains(d.ProcessInstansId)).OrderBy(d => d.Id).ToListAsync(ct);

        var export = new Dictionary<string, object?>
        {
            ["format"] = Format,
            ["formatversion"] = 1,
            ["exporteradUtc"] = tid.GetUtcNow().UtcDateTime,
            ["exporteradAv"] = exporteradAv,
            ["forbund"] = forbund,
            ["styrelser"] = await db.Styrelser.AsNoTracking().Where(s => s.ForbundId == forbundId).ToListAsync(ct),
            ["sammantraden"] = await db.Sammantraden.AsNoTracking().Where(s => s.ForbundId == forbundId).ToListAsync(ct),
            ["insatser"] = insatser,
            ["beslut"] = await db.Beslut.AsNoTracking().Where(b => insatsIds.Contains(b.InsatsId)).ToListAsync(ct),
            ["arsbudgetar"] = await db.Arsbudgetar.AsNoTracking().Where(b => b.ForbundId == forbundId).OrderBy(b => b.Ar).ToListAsync(ct),
            ["diarieposter"] = await db.Diarieposter.AsNoTracking().Where(d => d.ForbundId == forbundId).ToListAsync(ct),
            ["parametrar"] = await db.Forbundsparametrar.AsNoTracking().Where(p => p.ForbundId == forbundId).ToListAsync(ct),
            ["handelser"] = await db.Forbundshandelser.AsNoTracking().Where(h => h.ForbundId == forbundId).OrderBy(h => h.TidUtc).ToListAsync(ct),
            ["anvandare"] = anvandare.Select(u => new
            {
                epost = u.Email, namn = u.Namn, forbundschef = u.ArForbundschef,
                medlemId = u.MedlemId is { } m && medlemIds.Contains(m) ? u.MedlemId : null,
                roller = roller.Where(r => r.AnvandareId == u.Id).Select(r => r.Roll).Order(StringComparer.Ordinal).ToList(),
            }).ToList(),
            ["maskinklienter"] = (await db.Maskinklienter.AsNoTracking().Where(k => k.ForbundId == forbundId).ToListAsync(ct))
                .Select(k => new { k.Id, k.Namn, omfang = k.OmfangLista, k.SkapadUtc, k.SkapadAv, k.RoteradUtc, k.AterkalladUtc }).ToList(),
            ["webhookprenumerationer"] = (await db.Webhookprenumerationer.AsNoTracking().Where(w => w.ForbundId == forbundId).ToListAsync(ct))
                .Select(w => new { w.Id, w.Url, handelser = w.HandelseLista, w.SkapadUtc, w.SkapadAv, w.RoteradUtc, w.AvslutadUtc }).ToList(),
            ["motor"] = new Dictionary<string, object?>
            {
                ["instanser"] = instanser,
                ["uppgifter"] = await db.Set<TaskItem>().AsNoTracking().Where(t => t.TenantId == tenant).ToListAsync(ct),
                ["timers"] = await db.Set<TimerJob>().AsNoTracking().Where(t => t.InstanceId != null && instansIds.Contains(t.InstanceId)).ToListAsync(ct),
                ["incidenter"] = await db.Set<Incident>().AsNoTracking().Where(i => i.TenantId == tenant).ToListAsync(ct),
                ["journal"] = await db.Set<JournalEntry>().AsNoTracking().Where(j => j.TenantId == tenant).ToListAsync(ct),
                ["regelprovningar"] = await db.Set<Regelprovning>().AsNoTracking().Include(r => r.Utfall)
                    .Where(r => r.ProcessInstanceId != null && instansIds.Contains(r.ProcessInstanceId)).ToListAsync(ct),
            },
            ["dokument"] = dokument.Select(d => new
            {
                d.Id, d.Typ, d.Mallnamn, d.MallSha256, d.MallVersion, d.ProcessInstansId, d.Affarsnyckel, d.SkapadUtc, fil = $"dokument/{d.Id}.html",
            }).ToList(),
        };

        using var minne = new MemoryStream();
        using (var zip = new ZipArchive(minne, ZipArchiveMode.Create, leaveOpen: true))
        {
            await SkrivAsync(zip, "forbund.json", JsonSerializer.SerializeToUtf8Bytes(export, Json), ct);
            foreach (var d in dokument)
            {
                await SkrivAsync(zip, $"dokument/{d.Id}.html", System.Text.Encoding.UTF8.GetBytes(d.Html), ct);
                await SkrivAsync(zip, $"dokument/{d.Id}.modell.json", System.Text.Encoding.UTF8.GetBytes(d.ModellJson), ct);
            }
        }
        return (minne.ToArray(), $"forbund-{forbund.Organisationsnummer}.zip");
    }

    private static async Task SkrivAsync(ZipArchive zip, string namn, byte[] innehall, CancellationToken ct)
    {
        var post = zip.CreateEntry(namn, CompressionLevel.Optimal);
        await using var strom = post.Open();
        await strom.WriteAsync(innehall, ct);
    }
}
