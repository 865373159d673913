using InsatsFlow.Core.Dokument;

namespace InsatsFlow.Core.Tests.Dokument;

/// <summary>What a template cannot do: reach .NET, loop or recurse without end, or grow without bound.</summary>
public sealed class SandladaTests : IDisposable
{
    private readonly Mallkatalog _katalog = new();

    public void Dispose() => _katalog.Dispose();

    private sealed record Modell(string Namn, IReadOnlyList<int> Tal);

    private async Task<string> Rendera(string mall, DokumentOptions? options = null)
    {
        _katalog.Skriv("prov.sbn", mall);
        var renderer = Mallkatalog.Renderer(TemplateStore.LaddaFran(_katalog.Sokvag), options);
        return (await renderer.RenderaAsync(Dokumenttyp.Paminnelse, "prov", new Modell("Eva", [1, 2, 3]))).Html;
    }

    [Fact]
    public async Task Mallen_ser_modellens_falt_och_formateringsfunktionerna()
    {
        (await Rendera("{{ namn }}: {{ tal | array.size }} st, {{ 1500 | kronor }}, {{ '2026-06-19' | datum }}"))
            .Should().Be("Eva: 3 st, 1\u00A0500\u00A0kr, 19 juni 2026");
    }

    [Fact]
    public async Task Dotnet_medlemmar_pa_modellens_varden_ar_inte_atkomliga()
    {
        await FluentActions.Awaiting(() => Rendera("{{ namn.Length }}"))
            .Should().ThrowAsync<DokumentRenderingException>();
        await FluentActions.Awaiting(() => Rendera("{{ namn.GetType }}"))
            .Should().ThrowAsync<DokumentRenderingException>();
    }

    [Fact]
    public async Task Ett_falt_som_inte_finns_i_modellen_ar_ett_fel_och_inte_en_tom_strang()
    {
        await FluentActions.Awaiting(() => Rendera("{{ efternamn }}"))
            .Should().ThrowAsync<DokumentRenderingException>().WithMessage("*prov*efternamn*");
    }

    [Fact]
    public async Task En_oandlig_loop_stoppas_av_looptaket()
    {
        await FluentActions.Awaiting(() => Rendera("{{ while true }}x{{ end }}", new DokumentOptions { LoopLimit = 100 }))
            .Should().ThrowAsync<DokumentRenderingException>();
    }

    [Fact]
    public async Task Oandlig_rekursion_stoppas_av_rekursionstaket()
    {
        await FluentActions.Awaiting(() => Rendera("{{ func f(x); ret f(x + 1); end; f(1) }}"))
            .Should().ThrowAsync<DokumentRenderingException>();
    }

    [Fact]
    public async Task Ett_dokument_storre_an_taket_avvisas_i_stallet_for_att_kortas_av()
    {
        await FluentActions.Awaiting(() => Rendera("{{ for i in 1..50 }}0123456789{{ end }}", new DokumentOptions { MaxTecken = 100 }))
            .Should().ThrowAsync<DokumentRenderingException>();
    }

    [Fact]
    public async Task En_strang_som_fordubblas_i_en_loop_stoppas_innan_minnet_tar_slut()
    {
        await FluentActions.Awaiting(() => Rendera("{{ s = 'xxxxxxxxxx'; for i in 1..60; s = s + s; end; s | string.size }}", new DokumentOptions { MaxTecken = 100_000 }))
            .Should().ThrowAsync<DokumentRenderingException>();
    }

    [Fact]
    public async Task Object_eval_kan_inte_kringga_forbudet_mot_include()
    {
        await FluentActions.Awaiting(() => Rendera("{{ object.eval \"include 'x'\" }}"))
            .Should().ThrowAsync<DokumentRenderingException>();
    }

    [Fact]
    public async Task En_formateringsfunktion_som_far_fel_sorts_varde_ger_ett_tydligt_fel()
    {
        await FluentActions.Awaiting(() => Rendera("{{ namn | kronor }}"))
            .Should().ThrowAsync<DokumentRenderingException>().WithMessage("*kronor*Eva*inte ett tal*");
    }
}

public sealed class ModellkrockTests : IDisposable
{
    private readonly Mallkatalog _katalog = new();

    public void Dispose() => _katalog.Dispose();

    private sealed record MedDatum(DateOnly Datum);

    [Fact]
    public async Task Ett_modellfalt_med_samma_namn_som_en_mallfunktion_avvisas_med_namnet()
    {
        _katalog.Skriv("prov.sbn", "{{ datum | datum }}");
        var renderer = Mallkatalog.Renderer(TemplateStore.LaddaFran(_katalog.Sokvag));
        await FluentActions.Awaiting(() => renderer.RenderaAsync(Dokumenttyp.Paminnelse, "prov", new MedDatum(new DateOnly(2026, 1, 1))))
            .Should().ThrowAsync<DokumentRenderingException>().WithMessage("*\"datum\"*mallfunktionen datum*");
    }
}

public sealed class TidsgransTests : IDisposable
{
    private readonly Mallkatalog _katalog = new();

    public void Dispose() => _katalog.Dispose();

    private sealed record Tom(string Namn);

    [Fact]
    public async Task En_rendering_som_overskrider_tidsgransen_avbryts()
    {
        _katalog.Skriv("prov.sbn", "{{ for i in 1..4000 }}{{ i }}{{ end }}");
        var renderer = Mallkatalog.Renderer(TemplateStore.LaddaFran(_katalog.Sokvag), new DokumentOptions { Tidsgrans = TimeSpan.FromTicks(1) });

        await FluentActions.Awaiting(() => renderer.RenderaAsync(Dokumenttyp.Paminnelse, "prov", new Tom("x")))
            .Should().ThrowAsync<DokumentRenderingException>().WithMessage("*tidsgränsen*");
    }

    [Fact]
    public async Task Rekursion_som_forgrenar_sig_utan_loopar_stoppas_av_tidsgransen()
    {
        // 3^18 calls, each well within the recursion limit: only the clock stops it.
        _katalog.Skriv("prov.sbn", "{{ func f(x); if x > 0; f(x - 1); f(x - 1); f(x - 1); end; end; f(18) }}");
        var renderer = Mallkatalog.Renderer(TemplateStore.LaddaFran(_katalog.Sokvag), new DokumentOptions { Tidsgrans = TimeSpan.FromMilliseconds(200) });

        await FluentActions.Awaiting(() => renderer.RenderaAsync(Dokumenttyp.Paminnelse, "prov", new Tom("x")))
            .Should().ThrowAsync<DokumentRenderingException>().WithMessage("*tidsgränsen*");
    }

    [Fact]
    public async Task En_avbruten_begaran_avbryter_renderingen()
    {
        _katalog.Skriv("prov.sbn", "{{ namn }}");
        var renderer = Mallkatalog.Renderer(TemplateStore.LaddaFran(_katalog.Sokvag));
        using var avbryt = new CancellationTokenSource();
        await avbryt.CancelAsync();

        await FluentActions.Awaiting(() => renderer.RenderaAsync(Dokumenttyp.Paminnelse, "prov", new Tom("x"), avbryt.Token))
            .Should().ThrowAsync<OperationCanceledException>();
    }
}
