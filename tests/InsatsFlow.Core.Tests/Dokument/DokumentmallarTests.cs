using InsatsFlow.Core.Dokument;

namespace InsatsFlow.Core.Tests.Dokument;

/// <summary>The repository's templates rendered with realistic models: the key content is there.</summary>
public sealed class DokumentmallarTests
{
    private const string Nbsp = "\u00A0";
    private static readonly TemplateStore Mallar = TemplateStore.LaddaFran(Mallkatalog.Repositoriets());
    private readonly DokumentRenderer _renderer = Mallkatalog.Renderer(Mallar);

    [Fact]
    public async Task Tjansteskrivelsen_har_huvud_forslag_till_beslut_budget_och_rattslig_grund()
    {
        var dokument = await _renderer.RenderaAsync(Dokumenttyp.Tjansteskrivelse, Exempelmodeller.Tjansteskrivelse());

        dokument.Html.Should().StartWith("<!DOCTYPE html>")
            .And.Contain("Samordningsförbundet Norra Älvdalen")
            .And.Contain("SFNA 2026/14")
            .And.Contain("2026-11-12")
            .And.Contain("sammanträdet den 30 november 2026")
            .And.Contain("<li>bevilja Trollhättans stad 1 250 000 kr för insatsen Steget vidare 2027–2028,</li>")
            .And.Contain("<li>uppdra åt förbundschefen att följa upp insatsen halvårsvis.</li>")
            .And.Contain($"1{Nbsp}100{Nbsp}000{Nbsp}kr")
            .And.Contain($"1{Nbsp}250{Nbsp}000{Nbsp}kr")
            .And.Contain("1 januari 2027 – 31 december 2028")
            .And.Contain("SFS 2003:1210 2 §; Nationella rådet, vägledning")
            .And.Contain("<p>Insatsen vänder sig till unga vuxna 18–29 år.</p>")
            .And.Contain("@page { size: A4;");
        dokument.Mallnamn.Should().Be("tjansteskrivelse");
        dokument.MallSha256.Should().Be(Mallar.Hamta("tjansteskrivelse").Sha256);
    }

    [Fact]
    public async Task Protokollsutdraget_har_paragraf_jav_beslut_och_justering()
    {
        var html = (await _renderer.RenderaAsync(Dokumenttyp.Protokollsutdrag, Exempelmodeller.Protokollsutdrag())).Html;

        html.Should().Contain("§ 23 Ansökan om medel för insatsen Steget vidare")
            .And.Contain("Jonas Holm anmäler jäv (anställd hos sökande)")
            .And.Contain("Eva Lind (ordförande, Trollhättans stad), Per Berg")
            .And.Contain("Protokollet justerat den 3 december 2026.")
            .And.Contain("Rätt utdraget intygar")
            .And.Contain("Trollhättans stad, Akten");
    }

    [Fact]
    public async Task Beslutsbrevet_vid_bifall_anger_belopp_period_villkor_och_overklagande()
    {
        var html = (await _renderer.RenderaAsync(Dokumenttyp.Beslutsbrev, Exempelmodeller.Beslutsbrev("bifall"))).Html;

        html.Should().Contain("beslutat att bevilja Trollhättans stad medel om högst")
            .And.Contain($"<strong>1{Nbsp}250{Nbsp}000{Nbsp}kr</strong>")
            .And.Contain("den 30 november 2026, § 23")
            .And.Contain("Slutrapport lämnas senast")
            .And.Contain("13 kap. kommunallagen (2017:725)");
    }

    [Fact]
    public async Task Beslutsbrevet_vid_avslag_saknar_belopp_och_villkor()
    {
        var html = (await _renderer.RenderaAsync(Dokumenttyp.Beslutsbrev, Exempelmodeller.Beslutsbrev("avslag"))).Html;

        html.Should().Contain("beslutat att avslå ansökan")
            .And.Contain("Hur man överklagar")
            .And.NotContain("Villkor för beviljade medel")
            .And.NotContain(" kr</strong>");
    }

    [Fact]
    public async Task Beslutsbrevet_vid_aterremiss_har_ingen_overklagandehanvisning()
    {
        var html = (await _renderer.RenderaAsync(Dokumenttyp.Beslutsbrev, Exempelmodeller.Beslutsbrev("återremiss"))).Html;

        html.Should().Contain("återremittera ärendet").And.NotContain("Hur man överklagar");
    }

    [Fact]
    public async Task Paminnelsen_anger_frist_och_arbetsdagar_kvar()
    {
        var html = (await _renderer.RenderaAsync(Dokumenttyp.Paminnelse, Exempelmodeller.Paminnelse())).Html;

        html.Should().Contain("Hej Ali Hassan,")
            .And.Contain("senast den 20 november 2026, om 3 arbetsdagar")
            .And.Contain("href=\"https://insatsflow.example/uppgifter/42\"");
    }

    [Fact]
    public async Task Eskaleringen_anger_hur_manga_arbetsdagar_uppgiften_ar_forsenad()
    {
        var html = (await _renderer.RenderaAsync(Dokumenttyp.Paminnelse, Exempelmodeller.Paminnelse("eskalering", -4))).Html;

        html.Should().Contain("<title>Eskalering: Yttrande från Försäkringskassan</title>")
            .And.Contain("är 4 arbetsdagar försenad");
    }

    [Fact]
    public async Task Uppfoljningsrapporten_summerar_ekonomin_och_rakna_forbrukad_andel()
    {
        var html = (await _renderer.RenderaAsync(Dokumenttyp.Uppfoljningsrapport, Exempelmodeller.Uppfoljningsrapport())).Html;

        html.Should().Contain($"<td class=\"belopp\">75{Nbsp}%</td>")
            .And.Contain($"610{Nbsp}000{Nbsp}kr")
            .And.Contain($"472{Nbsp}500{Nbsp}kr")
            .And.Contain($"<td class=\"belopp\">77,5{Nbsp}%</td>")
            .And.Contain($"4 (50{Nbsp}% av de avslutade)")
            .And.Contain("<td>Pågår</td>");
    }

    [Fact]
    public async Task Text_fran_modellen_html_kodas_sa_att_den_inte_kan_bli_markup()
    {
        var modell = Exempelmodeller.Tjansteskrivelse() with { Bakgrund = "<script>alert('x')</script> & <b>fet</b>" };
        var html = (await _renderer.RenderaAsync(Dokumenttyp.Tjansteskrivelse, modell)).Html;

        html.Should().Contain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;fet&lt;/b&gt;")
            .And.NotContain("<script>");
    }

    [Fact]
    public async Task Modellens_ogonblicksbild_sparas_som_json_och_ger_samma_html_igen()
    {
        var dokument = await _renderer.RenderaAsync(Dokumenttyp.Tjansteskrivelse, Exempelmodeller.Tjansteskrivelse());

        dokument.ModellJson.Should().Contain("\"diarienummer\":\"SFNA 2026/14\"").And.Contain("\"forslag_till_beslut\"").And.Contain("Älvdalen");
        var igen = await _renderer.RenderaJsonAsync(Mallar.Hamta(dokument.Mallnamn), dokument.ModellJson);
        igen.Should().Be(dokument.Html);
    }
}
