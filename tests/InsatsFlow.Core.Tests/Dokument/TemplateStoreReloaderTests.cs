using InsatsFlow.Core.Dokument;
using Microsoft.Extensions.Time.Testing;

namespace InsatsFlow.Core.Tests.Dokument;

public sealed class TemplateStoreReloaderTests : IDisposable
{
    private readonly Mallkatalog _katalog = new();

    public void Dispose() => _katalog.Dispose();

    [Fact]
    public void Flera_andringar_i_foljd_blir_en_omladdning_nar_de_lagt_sig()
    {
        _katalog.Skriv("brev.sbn", "v1");
        var store = TemplateStore.LaddaFran(_katalog.Sokvag);
        var tid = new FakeTimeProvider();
        var laddningar = 0;
        store.Laddad += _ => laddningar++;
        using var reloader = new TemplateStoreReloader(store, tid, TimeSpan.FromMilliseconds(500));

        _katalog.Skriv("brev.sbn", "v2");
        reloader.Andrad();
        tid.Advance(TimeSpan.FromMilliseconds(300));
        reloader.Andrad();
        tid.Advance(TimeSpan.FromMilliseconds(300));
        laddningar.Should().Be(0);

        tid.Advance(TimeSpan.FromMilliseconds(200));
        laddningar.Should().Be(1);
        store.Hamta("brev").Template.Render().Should().Be("v2");
    }

    [Fact]
    public void En_trasig_andring_behaller_de_gamla_mallarna_och_sager_varfor()
    {
        _katalog.Skriv("brev.sbn", "Hej {{ 1 + 1 }}");
        var store = TemplateStore.LaddaFran(_katalog.Sokvag);
        var tid = new FakeTimeProvider();
        using var reloader = new TemplateStoreReloader(store, tid);

        _katalog.Skriv("brev.sbn", "Hej {{ 1 + }}");
        reloader.Andrad();
        tid.Advance(reloader.Debounce);

        store.Hamta("brev").Template.Render().Should().Be("Hej 2");
        store.SenasteFel.Should().NotBeNull();
        store.SenasteFel!.Fel.Should().ContainSingle().Which.Fil.Should().EndWith("brev.sbn");

        _katalog.Skriv("brev.sbn", "Hej {{ 2 + 1 }}");
        reloader.Andrad();
        tid.Advance(reloader.Debounce);
        store.SenasteFel.Should().BeNull();
        store.Hamta("brev").Template.Render().Should().Be("Hej 3");
    }

    [Fact]
    public async Task En_sparad_mallfil_laddas_om_av_filbevakningen()
    {
        _katalog.Skriv("brev.sbn", "v1");
        var store = TemplateStore.LaddaFran(_katalog.Sokvag);
        var omladdad = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Laddad += fel => { if (fel is null && store.Hamta("brev").Template.Render() == "v2") omladdad.TrySetResult(); };
        using var reloader = new TemplateStoreReloader(store, TimeProvider.System, TimeSpan.FromMilliseconds(50));
        reloader.Start();

        _katalog.Skriv("brev.sbn", "v2");

        await omladdad.Task.WaitAsync(TimeSpan.FromSeconds(10));
        store.Hamta("brev").Template.Render().Should().Be("v2");
    }
}
