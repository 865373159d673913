using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using InsatsFlow.Data;

namespace InsatsFlow.Kraschprov;

/// <summary>
/// The real host as a child process on one port, started again after each SIGKILL: on the campaign's SQLite file, or as
/// one node (<c>InsatsFlow:Nod</c>) of two on the campaign's PostgreSQL database.
/// </summary>
public sealed class Vard(string dll, string repo, InsatsFlowDatabase databas, string nod, string floden, string katalog)
{
    private System.Diagnostics.Process? process;

    public string Nod => nod;
    public int Port { get; } = LedigPort();
    public Uri Adress => new($"http://127.0.0.1:{Port}");

    private static int LedigPort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public async Task StartaAsync(TextWriter logg, CancellationToken ct)
    {
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_URLS"] = Adress.ToString().TrimEnd('/');
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["InsatsFlow__Databas"] = databas.Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite";
        info.Environment["ConnectionStrings__InsatsFlow"] = databas.ConnectionString;
        info.Environment["InsatsFlow__Nod"] = nod;
        info.Environment["InsatsFlow__Root"] = repo;
        info.Environment["InsatsFlow__Arbetsfloden"] = floden;
        info.Environment["DemoData__Enabled"] = "true";
        info.Environment["DemoData__Password"] = Kampanj.Losenord; // also where no appsettings.json sits beside the dll (a test's output)
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        // short polls and leases: a killed host's claims are taken over seconds after the restart
        info.Environment["InsatsFlow__Jobb__PollInterval"] = "00:00:00.2";
        info.Environment["InsatsFlow__Jobb__Lease"] = "00:00:05";
        info.Environment["InsatsFlow__Jobb__Backoff"] = "00:00:01";
        info.Environment["DOTNET_gcServer"] = "0";
        process = System.Diagnostics.Process.Start(info)!;
        var fel = Path.Combine(katalog, $"vard-{nod}.log");
        process.OutputDataReceived += (_, e) => { if (e.Data is { } d) lock (this) File.AppendAllText(fel, d + "\n"); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } d) lock (this) File.AppendAllText(fel, d + "\n"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = Adress, Timeout = TimeSpan.FromSeconds(5) };
        var slut = DateTime.UtcNow + TimeSpan.FromSeconds(420);
        while (DateTime.UtcNow < slut)
        {
            if (process.HasExited) throw new InvalidOperationException($"Värden {nod} avslutades vid start (kod {process.ExitCode}); se {fel}:\n" + Svans(fel));
            try
            {
                if ((await http.GetAsync("/health", ct)).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            await Task.Delay(100, ct);
        }
        throw new TimeoutException($"Värden {nod} svarade inte på /health inom sju minuter.");
    }

    private static string Svans(string fil) => File.Exists(fil) ? string.Join("\n", File.ReadLines(fil).TakeLast(30)) : "";

    /// <summary>SIGKILL: no shutdown, no flush, no lease given back.</summary>
    public void Dod()
    {
        if (process is null || process.HasExited) return;
        process.Kill(entireProcessTree: false);
        process.WaitForExit();
    }

    public void Stanna() => Dod();
}
