using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using InsatsFlow.Core.Dokument;
using InsatsFlow.Data;
using InsatsFlow.Data.Omladdning;
using InsatsFlow.Rules.Loading;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Web.Hosting;

/// <summary>Which node this host is, in the reload signals and the logs: <c>InsatsFlow:Nod</c>, or the machine's name and a suffix.</summary>
public sealed record Nod(string Namn)
{
    public const string Setting = "InsatsFlow:Nod";

    public static Nod Fran(IConfiguration config) =>
        new(config[Setting] is { Length: > 0 } namn ? namn : $"{Environment.MachineName}-{Guid.NewGuid().ToString("N")[..6]}");
}

/// <summary>
/// Carries a reload of the rule files or the templates from the node that saw the change to every other node. The
/// catalogues are files that each node loads itself; a node that reloaded after a file event announces it in the
/// database (<see cref="Omladdningssignal"/>), and every node polls the signals every <c>InsatsFlow:Omladdning:Intervall</c>
/// and reloads from its own folder when one has moved. A reload caused by a signal is not announced again, so two nodes
/// never echo each other; a node that then serves other files than the announcer (another checkout) says so in the log.
/// </summary>
public sealed class Omladdningssignaler(
    IServiceScopeFactory scopes, RuleCatalogueHolder regler, TemplateStore mallar, Nod nod, IConfiguration config, TimeProvider time,
    ILogger<Omladdningssignaler> log) : BackgroundService
{
    public const string IntervallSetting = "InsatsFlow:Omladdning:Intervall";

    // Reload raises its event on the caller's thread: a reload done here, for a signal, is known by this flag.
    [ThreadStatic] private static bool pagarForSignal;

    private readonly Channel<string> attAnnonsera = Channel.CreateUnbounded<string>();
    private readonly Dictionary<string, long> sedda = [];
    private readonly TimeSpan intervall = config.GetValue(IntervallSetting, TimeSpan.FromSeconds(2));

    public static string Fingeravtryck(RuleCatalogue katalog) =>
        Hash(katalog.Files.Select(f => $"{f.Regelverk}/{f.Version}:{f.Sha256}"));

    public static string Fingeravtryck(TemplateStore store) => Hash(store.Mallar.Select(m => $"{m.Namn}:{m.Sha256}"));

    private string Eget(string namn) => namn == Omladdningssignal.Regler ? Fingeravtryck(regler.Current) : Fingeravtryck(mallar);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        regler.Reloaded += r => { if (r.Ok && !pagarForSignal) attAnnonsera.Writer.TryWrite(Omladdningssignal.Regler); };
        mallar.Laddad += fel => { if (fel is null && !pagarForSignal) attAnnonsera.Writer.TryWrite(Omladdningssignal.Mallar); };
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var startad = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!startad) { await BorjaAsync(stoppingToken); startad = true; }
                await RundaAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                // the database is away for a moment: the next round tries again
                log.LogWarning(e, "Omladdningssignalerna kunde inte läsas eller skrivas");
            }
            try { await Task.Delay(intervall, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>The signals as they stand now are seen; a node whose own load differs from the last announced one announces it.</summary>
    private async Task BorjaAsync(CancellationToken ct)
    {
        foreach (var signal in await LasAsync(ct))
        {
            sedda[signal.Namn] = signal.Generation;
            if (signal.Fingeravtryck != Eget(signal.Namn)) attAnnonsera.Writer.TryWrite(signal.Namn);
        }
    }

    private async Task RundaAsync(CancellationToken ct)
    {
        while (attAnnonsera.Reader.TryRead(out var namn)) await AnnonseraAsync(namn, ct);
        foreach (var signal in await LasAsync(ct))
        {
            if (signal.Generation <= sedda.GetValueOrDefault(signal.Namn)) continue;
            sedda[signal.Namn] = signal.Generation;
            if (signal.Nod == nod.Namn && signal.Fingeravtryck == Eget(signal.Namn)) continue; // our own announcement
            LaddaOm(signal.Namn);
            if (signal.Fingeravtryck != Eget(signal.Namn))
                log.LogWarning("Noden {Nod} läser andra filer ({Vad}) än noden {Annan}, som laddade om senast: se till att noderna läser samma mapp.",
                    nod.Namn, signal.Namn, signal.Nod);
            else
                log.LogInformation("{Vad} omladdade efter signal från noden {Annan}.", signal.Namn, signal.Nod);
        }
    }

    private void LaddaOm(string namn)
    {
        pagarForSignal = true;
        try
        {
            if (namn == Omladdningssignal.Regler) regler.Reload();
            else mallar.ForsokLadda();
        }
        finally { pagarForSignal = false; }
    }

    private async Task AnnonseraAsync(string namn, CancellationToken ct)
    {
        var fingeravtryck = Eget(namn);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>();
        var nu = time.GetUtcNow();
        await db.Set<Omladdningssignal>().Where(s => s.Namn == namn).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Generation, x => x.Generation + 1)
            .SetProperty(x => x.Fingeravtryck, fingeravtryck)
            .SetProperty(x => x.Nod, nod.Namn)
            .SetProperty(x => x.Andrad, nu), ct);
    }

    private async Task<List<Omladdningssignal>> LasAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>().Set<Omladdningssignal>().AsNoTracking().ToListAsync(ct);
    }

    private static string Hash(IEnumerable<string> rader) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", rader.Order(StringComparer.Ordinal)))));
}
