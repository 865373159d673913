using System.Collections.Concurrent;
using System.Net.Http.Json;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Dokument;
using InsatsFlow.Data;
using InsatsFlow.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Web.Tests.Support;

/// <summary>
/// One host with demo data shared by a test class (IClassFixture), with one signed-in client per role: starting a
/// host seeds ten accounts with password hashing, so a host per test would make the suite slow.
/// </summary>
public class ApiVard : IAsyncLifetime
{
    public static readonly IReadOnlyDictionary<string, string> Konton = new Dictionary<string, string>
    {
        [Roller.Kansli] = Inloggning.Kansli,
        [Roller.Beredningsgrupp] = Inloggning.Beredning,
        [Roller.Styrelse] = Inloggning.Styrelse,
        [Roller.Sokande] = Inloggning.Sokande,
        [Roller.Jurist] = Inloggning.Jurist,
        [Roller.Revisor] = Inloggning.Revisor,
        [Roller.Admin] = Inloggning.Admin,
    };

    /// <summary>The second demo förbund's account per role (Samordningsförbundet Nordvik).</summary>
    public static readonly IReadOnlyDictionary<string, string> NordvikKonton =
        global::InsatsFlow.Web.Identity.DemoAccounts.NordvikKonton.ToDictionary(k => k.Roll, k => k.Email);

    private readonly ConcurrentDictionary<string, Lazy<Task<HttpClient>>> klienter = new();

    /// <summary>A client signed in as the Nordvik account of <paramref name="roll"/>.</summary>
    public Task<HttpClient> SomNordvikAsync(string roll) =>
        klienter.GetOrAdd("nordvik:" + roll, _ => new Lazy<Task<HttpClient>>(() => Factory.LoggaInAsync(NordvikKonton[roll]))).Value;

    public ApiVard() : this(null) { }

    protected ApiVard(IReadOnlyDictionary<string, string>? settings, Action<IServiceCollection>? testServices = null) =>
        Factory = new(settings: settings, testServices: testServices);

    public InsatsFlowFactory Factory { get; }

    public virtual Task InitializeAsync()
    {
        _ = Factory.Services; // starts the host: migrations, demo data, demo accounts
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>The "role" of a machine client with one scope in <see cref="SomAsync"/>: "klient:lasa".</summary>
    public const string Klientprefix = "klient:";

    /// <summary>
    /// A client signed in as the demo account of <paramref name="roll"/>, an anonymous one for "anonym", or a machine
    /// client with one scope for "klient:&lt;scope&gt;", made by the admin through the API.
    /// </summary>
    public Task<HttpClient> SomAsync(string roll) =>
        klienter.GetOrAdd(roll, r => new Lazy<Task<HttpClient>>(() => r == "anonym"
            ? Task.FromResult(Factory.CreateClient(new() { AllowAutoRedirect = false }))
            : r.StartsWith(Klientprefix, StringComparison.Ordinal) ? SomMaskinklientAsync(r[Klientprefix.Length..])
            : Factory.LoggaInAsync(Konton[r]))).Value;

    /// <summary>A new machine client with these scopes (created by the admin), calling with its bearer token.</summary>
    public async Task<HttpClient> SomMaskinklientAsync(params string[] omfang) => MedToken((await SkapaMaskinklientAsync(omfang)).Token);

    public async Task<global::InsatsFlow.Web.Features.Integration.NyMaskinklientToken> SkapaMaskinklientAsync(string[] omfang, string? namn = null)
    {
        var admin = await SomAsync(Roller.Admin);
        using var svar = await admin.PostAsJsonAsync("/api/integration/klienter",
            new { namn = namn ?? $"prov-{Guid.NewGuid():N}", omfang });
        svar.EnsureSuccessStatusCode();
        return (await svar.Content.ReadFromJsonAsync<global::InsatsFlow.Web.Features.Integration.NyMaskinklientToken>())!;
    }

    public HttpClient MedToken(string token)
    {
        var client = Factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<T> MedTjansterAsync<T>(Func<IServiceProvider, Task<T>> arbete)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await arbete(scope.ServiceProvider);
    }

    public Task<DeploymentResult> DriftsattAsync(string xml, string fil = "test.bpmn") =>
        MedTjansterAsync(sp => sp.GetRequiredService<ProcessEngine>().DeployAsync(xml, fil));

    /// <summary>Starts an instance in a förbund: the demo förbund unless another is named (the tenant of its tasks, journal and incidents).</summary>
    public async Task<string> StartaAsync(string process, string? affarsnyckel = null, Guid? forbund = null)
    {
        var tenant = (forbund ?? await ForbundIdAsync(InsatsFlow.Data.Demo.DemoSeeder.Organisationsnummer)).ToString();
        return (await MedTjansterAsync(sp => sp.GetRequiredService<ProcessEngine>().StartAsync(
            new StartCommand(process) { BusinessKey = affarsnyckel, UserId = "test", TenantId = tenant }))).InstanceId!;
    }

    /// <summary>A running instance in the demo förbund, for documents to belong to (a document is its instance's förbund's).</summary>
    public async Task<string> NyInstansAsync()
    {
        await DriftsattAsync(Provfloden.Granskning("dokumentprov"), "dokumentprov.bpmn");
        return await StartaAsync("dokumentprov");
    }

    public Task<Guid> ForbundIdAsync(string organisationsnummer) =>
        MedTjansterAsync(sp => sp.GetRequiredService<InsatsFlowDbContext>().Forbund.Where(f => f.Organisationsnummer == organisationsnummer).Select(f => f.Id).SingleAsync());

    public Task<Guid> InsatsIdAsync(string titel) =>
        MedTjansterAsync(sp => sp.GetRequiredService<InsatsFlowDbContext>().Insatser.Where(i => i.Titel == titel).Select(i => i.Id).SingleAsync());

    /// <summary>Archives a small document as a service task would, committed.</summary>
    public Task<Guid> ArkiveraAsync(string? instans, string? affarsnyckel, string html = "<!DOCTYPE html><html lang=\"sv\"><body><h1>Beslutsbrev</h1></body></html>") =>
        MedTjansterAsync(async sp =>
        {
            var dokument = sp.GetRequiredService<IDokumentarkiv>().LaggTill(
                new RenderatDokument(Dokumenttyp.Beslutsbrev, "beslutsbrev", new string('a', 64), html, "{}"), instans, affarsnyckel);
            await sp.GetRequiredService<InsatsFlowDbContext>().SaveChangesAsync();
            return dokument.Id;
        });
}
