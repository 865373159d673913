using InsatsFlow.Core.Dokument;
using InsatsFlow.Data;
using InsatsFlow.Data.Dokument;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InsatsFlow.Core.Tests.Dokument;

public sealed class DokumentarkivTests : IDisposable
{
    private readonly TestDatabase _databas = new();
    private readonly FakeTimeProvider _tid = new(new DateTimeOffset(2026, 12, 4, 9, 30, 0, TimeSpan.Zero));
    private readonly ServiceProvider _tjanster;

    public DokumentarkivTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_tid);
        services.AddDbContext<InsatsFlowDbContext>(o => o.UseInsatsFlowDatabase(_databas.ConnectionString));
        services.AddDokument(new DokumentOptions { Mallkatalog = Mallkatalog.Repositoriets() });
        _tjanster = services.BuildServiceProvider();
    }

    public void Dispose()
    {
        _tjanster.Dispose();
        _databas.Dispose();
    }

    private async Task<Guid> ProduceraOchSpara(string instans = "inst-1")
    {
        using var scope = _tjanster.CreateScope();
        var produktion = scope.ServiceProvider.GetRequiredService<Dokumentproduktion>();
        var dokument = await produktion.ProduceraAsync(Dokumenttyp.Beslutsbrev, Exempelmodeller.Beslutsbrev(), instans, "SFNA 2026/14");
        await scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>().SaveChangesAsync();
        return dokument.Id;
    }

    [Fact]
    public async Task Ett_arkiverat_dokument_kan_hamtas_som_html_med_mall_och_kontrollsumma()
    {
        var id = await ProduceraOchSpara();

        using var scope = _tjanster.CreateScope();
        var dokument = await scope.ServiceProvider.GetRequiredService<IDokumentarkiv>().HamtaAsync(id);
        dokument.Should().NotBeNull();
        dokument!.Typ.Should().Be(Dokumenttyp.Beslutsbrev);
        dokument.Html.Should().Contain("beslutat att bevilja");
        dokument.Mallnamn.Should().Be("beslutsbrev");
        dokument.MallSha256.Should().HaveLength(64).And.Be(scope.ServiceProvider.GetRequiredService<TemplateStore>().Hamta("beslutsbrev").Sha256);
        dokument.ProcessInstansId.Should().Be("inst-1");
        dokument.Affarsnyckel.Should().Be("SFNA 2026/14");
        dokument.SkapadUtc.Should().Be(new DateTime(2026, 12, 4, 9, 30, 0, DateTimeKind.Utc));
        dokument.SkapadUtc.Kind.Should().Be(DateTimeKind.Utc);
        dokument.ModellJson.Should().Contain("\"beslutsutfall\":\"bifall\"");
    }

    [Fact]
    public async Task Ett_dokument_som_inte_sparats_av_anroparen_finns_inte()
    {
        Guid id;
        using (var scope = _tjanster.CreateScope())
        {
            var produktion = scope.ServiceProvider.GetRequiredService<Dokumentproduktion>();
            id = (await produktion.ProduceraAsync(Dokumenttyp.Paminnelse, Exempelmodeller.Paminnelse(), "inst-1", null)).Id;
        }

        using var las = _tjanster.CreateScope();
        (await las.ServiceProvider.GetRequiredService<IDokumentarkiv>().HamtaAsync(id)).Should().BeNull();
    }

    [Fact]
    public async Task Ett_arkiverat_dokument_kan_inte_andras()
    {
        var id = await ProduceraOchSpara();

        await using var db = _databas.NyContext();
        var dokument = await db.Set<ArkiveratDokument>().SingleAsync(d => d.Id == id);
        db.Entry(dokument).Property(d => d.Html).CurrentValue = "<p>förfalskat</p>";
        await FluentActions.Awaiting(() => db.SaveChangesAsync()).Should().ThrowAsync<InvalidOperationException>();

        await using var kontroll = _databas.NyContext();
        (await kontroll.Set<ArkiveratDokument>().SingleAsync(d => d.Id == id)).Html.Should().Contain("beslutat att bevilja");
    }

    [Fact]
    public async Task En_instans_dokument_listas_i_den_ordning_de_skapades()
    {
        var forsta = await ProduceraOchSpara("inst-7");
        _tid.Advance(TimeSpan.FromMinutes(5));
        var andra = await ProduceraOchSpara("inst-7");
        await ProduceraOchSpara("inst-8");

        using var scope = _tjanster.CreateScope();
        var lista = await scope.ServiceProvider.GetRequiredService<IDokumentarkiv>().ListaForInstansAsync("inst-7");
        lista.Select(d => d.Id).Should().Equal(forsta, andra);
    }

    [Fact]
    public async Task Ett_arendes_dokument_hittas_pa_affarsnyckeln()
    {
        var forsta = await ProduceraOchSpara("inst-1");
        _tid.Advance(TimeSpan.FromDays(30));
        var andra = await ProduceraOchSpara("inst-2");

        using var scope = _tjanster.CreateScope();
        var lista = await scope.ServiceProvider.GetRequiredService<IDokumentarkiv>().ListaForAffarsnyckelAsync("SFNA 2026/14");
        lista.Select(d => d.Id).Should().Equal(forsta, andra);
    }
}
