using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace InsatsFlow.Web.Tests.Hosting;

/// <summary>
/// Database settings that cannot work stop the real process at start, with one Swedish line naming the setting
/// and nothing else (no stack trace). Runs the built host as `dotnet InsatsFlow.Web.dll`, as operations would.
/// </summary>
public sealed class DatabasStartfelTests
{
    [Fact]
    public async Task En_okand_databas_stoppar_starten_med_en_rad_som_namnger_installningen()
    {
        var (exit, output) = await StartAsync(new() { ["InsatsFlow__Databas"] = "oracle" });

        exit.Should().NotBe(0);
        output.Should().ContainSingle().Which.Should().Contain("InsatsFlow:Databas").And.Contain("\"oracle\"").And.Contain("sqlite eller postgres");
    }

    [Fact]
    public async Task En_postgresserver_som_inte_svarar_stoppar_starten_med_en_rad_som_namnger_anslutningsstrangen()
    {
        var (exit, output) = await StartAsync(new()
        {
            ["InsatsFlow__Databas"] = "postgres",
            ["ConnectionStrings__InsatsFlow"] = $"Host=127.0.0.1;Port={ClosedPort()};Database=insatsflow;Username=insatsflow;Password=hemligt;Timeout=5",
        });

        exit.Should().NotBe(0);
        output.Should().ContainSingle().Which.Should().Contain("ConnectionStrings:InsatsFlow").And.Contain("kan inte nås")
            .And.NotContain("hemligt", "the password is never printed");
    }

    [Fact]
    public async Task Postgres_utan_anslutningsstrang_stoppar_starten_med_en_rad_som_namnger_installningen()
    {
        var (exit, output) = await StartAsync(new() { ["InsatsFlow__Databas"] = "postgres", ["ConnectionStrings__InsatsFlow"] = "" });

        exit.Should().NotBe(0);
        output.Should().ContainSingle().Which.Should().Contain("ConnectionStrings:InsatsFlow").And.Contain("InsatsFlow:Databas");
    }

    /// <summary>A loopback port nobody listens on: bound, read and released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs the host until it exits; returns its exit code and every non-empty line it wrote (stdout and stderr).</summary>
    private static async Task<(int Exit, List<string> Output)> StartAsync(Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "InsatsFlow.Web.dll"));
        start.Environment["DOTNET_ENVIRONMENT"] = "Test";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["DemoData__Enabled"] = "false";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("Tjänsten startade i stället för att stoppa på databasinställningen.");
        }
        var lines = ((await stdout) + "\n" + (await stderr)).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        return (process.ExitCode, lines);
    }
}
