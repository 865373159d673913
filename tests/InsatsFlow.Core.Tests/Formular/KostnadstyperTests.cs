using System.Text.Json;
using InsatsFlow.Core.Formular;
using InsatsFlow.Core.Tests.Livscykel;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Core.Tests.Formular;

/// <summary>A budget line's kostnadstyp is chosen from the jurists' list in the stodberattigande-kostnader regelverk.</summary>
public sealed class KostnadstyperTests : IDisposable
{
    private readonly Livscykelmiljo miljo = new();

    private Formulardefinition Ansokan() => miljo.Harness.Services.GetRequiredService<Formularkatalog>().Hitta("ansokan")!;

    private static Formularfalt Kostnadstyp(Formulardefinition f) =>
        f.Falt.Single(x => x.Namn == "budgetrader").Kolumner!.Single(k => k.Namn == "kostnadstyp");

    [Fact]
    public void Ansokan_erbjuder_regelverkets_kostnadstyper_med_svenska_etiketter()
    {
        var falt = Kostnadstyp(Ansokan());

        falt.Typ.Should().Be(Falttyper.Val);
        falt.Alternativ.Should().Contain(new Formularalternativ("utvardering", "Utvärdering"))
            .And.Contain(new Formularalternativ("kompetensutveckling", "Kompetensutveckling"))
            .And.NotContain(a => a.Varde == "busskort");
    }

    [Fact]
    public void En_kostnadstyp_utanfor_juristernas_lista_avvisas_med_faltet_namngivet()
    {
        var data = JsonSerializer.SerializeToElement(new { budgetrader = new[] { new { kostnadstyp = "Busskort", ar = 2027, belopp = 1000m } } });

        var kontroll = Formularvalidering.Validera(Ansokan(), data);

        kontroll.Fel.Should().Contain(f => f.Falt == "budgetrader[0].kostnadstyp" && f.Meddelande.Contains("utvardering"));
    }

    [Fact]
    public void Fri_text_om_kostnaden_hor_hemma_i_radens_beskrivning()
    {
        var data = JsonSerializer.SerializeToElement(new { budgetrader = new[] { new { kostnadstyp = "samordnare", ar = 2027, belopp = 1000m, beskrivning = "Samordnare 50 %" } } });

        var kontroll = Formularvalidering.Validera(Ansokan(), data);

        kontroll.Fel.Should().NotContain(f => f.Falt.StartsWith("budgetrader"));
    }

    public void Dispose() => miljo.Dispose();
}
