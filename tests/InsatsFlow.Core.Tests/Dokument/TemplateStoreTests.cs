using InsatsFlow.Core.Dokument;

namespace InsatsFlow.Core.Tests.Dokument;

public sealed class TemplateStoreTests : IDisposable
{
    private readonly Mallkatalog _katalog = new();

    public void Dispose() => _katalog.Dispose();

    [Fact]
    public void Repositoriets_mallar_laddas_alla_fem()
    {
        var store = TemplateStore.LaddaFran(Mallkatalog.Repositoriets());
        store.Mallar.Select(m => m.Namn).Should().BeEquivalentTo(
            "tjansteskrivelse", "protokollsutdrag", "beslutsbrev", "paminnelse", "uppfoljningsrapport");
    }

    [Fact]
    public void En_mall_med_syntaxfel_avvisas_med_fil_rad_och_kolumn()
    {
        var fil = _katalog.Skriv("trasig.sbn", "<p>\n<p>{{ if titel }}\n  {{ titel</p>\n");
        var handling = () => TemplateStore.LaddaFran(_katalog.Sokvag);
        var fel = handling.Should().Throw<MallFelException>().Which.Fel;
        fel.Should().NotBeEmpty();
        fel[0].Fil.Should().Be(fil);
        fel[0].Rad.Should().Be(3);
        fel[0].Kolumn.Should().BeGreaterThan(0);
        handling.Should().Throw<MallFelException>().WithMessage($"*{fil} rad 3, kolumn *");
    }

    [Fact]
    public void En_trasig_mall_later_den_tidigare_laddade_uppsattningen_ligga_kvar()
    {
        _katalog.Skriv("brev.sbn", "Hej {{ namn }}");
        var store = TemplateStore.LaddaFran(_katalog.Sokvag);
        var sha = store.Hamta("brev").Sha256;

        _katalog.Skriv("brev.sbn", "Hej {{ namn }} igen");
        _katalog.Skriv("annat.sbn", "{{ for x in lista }}");
        store.Invoking(s => s.Ladda()).Should().Throw<MallFelException>().Which.Fel.Should().ContainSingle(f => f.Fil.EndsWith("annat.sbn"));

        store.Hamta("brev").Sha256.Should().Be(sha);
        store.Mallar.Should().ContainSingle();
    }

    [Fact]
    public void Alla_fel_i_alla_filer_rapporteras_pa_en_gang()
    {
        _katalog.Skriv("a.sbn", "{{ end }}");
        _katalog.Skriv("b.sbn", "{{ 1 + }}");
        var fel = FluentActions.Invoking(() => TemplateStore.LaddaFran(_katalog.Sokvag)).Should().Throw<MallFelException>().Which.Fel;
        fel.Select(f => Path.GetFileName(f.Fil)).Distinct().Should().BeEquivalentTo("a.sbn", "b.sbn");
    }

    [Fact]
    public void Include_avvisas_redan_nar_mallen_laddas()
    {
        _katalog.Skriv("med-include.sbn", "<p>\n  {{ include 'annan' }}</p>");
        var fel = FluentActions.Invoking(() => TemplateStore.LaddaFran(_katalog.Sokvag)).Should().Throw<MallFelException>().Which.Fel;
        fel.Should().ContainSingle().Which.Should().Match<MallFel>(f => f.Rad == 2 && f.Kolumn == 6 && f.Meddelande.Contains("include"));
    }

    [Fact]
    public void Import_avvisas_redan_nar_mallen_laddas()
    {
        _katalog.Skriv("med-import.sbn", "{{ import forbund }}{{ namn }}");
        FluentActions.Invoking(() => TemplateStore.LaddaFran(_katalog.Sokvag)).Should().Throw<MallFelException>()
            .Which.Fel.Should().ContainSingle(f => f.Meddelande.Contains("import"));
    }

    [Fact]
    public void En_fil_som_inte_ar_utf8_avvisas()
    {
        File.WriteAllBytes(Path.Combine(_katalog.Sokvag, "latin1.sbn"), [0x48, 0xE4, 0x6A]);
        FluentActions.Invoking(() => TemplateStore.LaddaFran(_katalog.Sokvag)).Should().Throw<MallFelException>()
            .WithMessage("*latin1.sbn*UTF-8*");
    }

    [Fact]
    public void En_saknad_mallkatalog_ger_ett_tydligt_fel()
    {
        FluentActions.Invoking(() => TemplateStore.LaddaFran(Path.Combine(_katalog.Sokvag, "finns-inte")))
            .Should().Throw<MallFelException>().WithMessage("*finns-inte*Mallkatalogen finns inte*");
    }

    [Fact]
    public void En_okand_mall_namns_i_felet_tillsammans_med_de_som_finns()
    {
        _katalog.Skriv("brev.sbn", "x");
        var store = TemplateStore.LaddaFran(_katalog.Sokvag);
        store.Invoking(s => s.Hamta("saknas")).Should().Throw<KeyNotFoundException>().WithMessage("*\"saknas\"*brev*");
    }

    [Fact]
    public void Mallens_kontrollsumma_ar_sha256_av_filens_bytes()
    {
        var fil = _katalog.Skriv("brev.sbn", "Hej {{ namn }}");
        var store = TemplateStore.LaddaFran(_katalog.Sokvag);
        var vantad = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(fil)));
        store.Hamta("brev").Sha256.Should().Be(vantad);
    }
}
