using InsatsFlow.Core.Dokument;
using InsatsFlow.Data;
using InsatsFlow.Data.Dokument;
using InsatsFlow.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Core.Tests.Dokument;

public sealed class RenderaDokumentHandlerTests : IDisposable
{
    private readonly TestDatabase _databas = new();
    private readonly ServiceProvider _tjanster;

    private sealed class Beslutsbrevbyggare : IDokumentmodellbyggare
    {
        public Dokumenttyp Typ => Dokumenttyp.Beslutsbrev;

        public Task<object> ByggAsync(ServiceTaskContext context, CancellationToken cancellationToken) =>
            Task.FromResult<object>(Exempelmodeller.Beslutsbrev((string)context.Variables["utfall"]!));
    }

    public RenderaDokumentHandlerTests()
    {
        var services = new ServiceCollection();
        services.AddDbContext<InsatsFlowDbContext>(o => o.UseInsatsFlowDatabase(_databas.ConnectionString));
        services.AddDokument(new DokumentOptions { Mallkatalog = Mallkatalog.Repositoriets() });
        services.AddSingleton<IDokumentmodellbyggare, Beslutsbrevbyggare>();
        services.AddScoped<RenderaDokumentHandler>();
        _tjanster = services.BuildServiceProvider();
    }

    public void Dispose()
    {
        _tjanster.Dispose();
        _databas.Dispose();
    }

    private static ServiceTaskContext Steg(Dictionary<string, string> egenskaper) => new(
        "inst-5", "insats-livscykel", "SFNA 2026/14", "Rendera_beslutsbrev",
        new Dictionary<string, object?> { ["utfall"] = "avslag" }, egenskaper, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task Dokumentuppgiften_renderar_och_arkiverar_mallen_och_ger_dess_id_i_dokument_mall()
    {
        using var scope = _tjanster.CreateScope();
        var handler = scope.ServiceProvider.GetRequiredService<RenderaDokumentHandler>();

        var variabler = await handler.ExecuteAsync(Steg(new() { ["mall"] = "beslutsbrev" }), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>().SaveChangesAsync();

        var id = Guid.Parse((string)variabler!["dokument_beslutsbrev"]!);
        var dokument = await scope.ServiceProvider.GetRequiredService<IDokumentarkiv>().HamtaAsync(id);
        dokument!.Html.Should().Contain("beslutat att avslå ansökan");
        dokument.ProcessInstansId.Should().Be("inst-5");
        dokument.Affarsnyckel.Should().Be("SFNA 2026/14");
    }

    [Fact]
    public async Task Resultatvariabeln_kan_namnges_i_bpmn()
    {
        using var scope = _tjanster.CreateScope();
        var handler = scope.ServiceProvider.GetRequiredService<RenderaDokumentHandler>();

        var variabler = await handler.ExecuteAsync(Steg(new() { ["mall"] = "beslutsbrev", ["resultat"] = "brevId" }), CancellationToken.None);

        variabler.Should().ContainKey("brevId");
    }

    [Fact]
    public async Task En_okand_dokumenttyp_ger_ett_fel_som_namnger_elementet_och_de_giltiga_typerna()
    {
        using var scope = _tjanster.CreateScope();
        var handler = scope.ServiceProvider.GetRequiredService<RenderaDokumentHandler>();

        await FluentActions.Awaiting(() => handler.ExecuteAsync(Steg(new() { ["mall"] = "kallelse" }), CancellationToken.None))
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("*Rendera_beslutsbrev*mallen \"kallelse\"*tjansteskrivelse, protokollsutdrag*");
    }

    [Fact]
    public async Task En_dokumenttyp_utan_modellbyggare_ger_ett_tydligt_fel()
    {
        using var scope = _tjanster.CreateScope();
        var handler = scope.ServiceProvider.GetRequiredService<RenderaDokumentHandler>();

        await FluentActions.Awaiting(() => handler.ExecuteAsync(Steg(new() { ["mall"] = "protokollsutdrag" }), CancellationToken.None))
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("*ingen modellbyggare*Protokollsutdrag*");
    }
}
