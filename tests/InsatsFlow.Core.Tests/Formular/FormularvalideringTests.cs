using System.Text.Json;
using InsatsFlow.Core.Formular;

namespace InsatsFlow.Core.Tests.Formular;

public sealed class FormularvalideringTests
{
    private static readonly Formulardefinition Ansokan = new("ansokan", "Ansökan", null,
    [
        new("resurser", "Resurser", Falttyper.Flerradstext, Obligatoriskt: true),
        new("startdatum", "Startdatum", Falttyper.Datum, Obligatoriskt: true),
        new("tillstyrker", "Tillstyrker", Falttyper.JaNej),
        new("alternativ", "Alternativ", Falttyper.Val, Alternativ: [new("delad", "Delad"), new("fullstandig", "Fullständig")]),
        new("budgetrader", "Budget", Falttyper.Tabell, Kolumner:
        [
            new("kostnadstyp", "Kostnadstyp", Falttyper.Text, Obligatoriskt: true),
            new("ar", "År", Falttyper.Heltal, Obligatoriskt: true, Min: 2000, Max: 2100),
            new("belopp", "Belopp", Falttyper.Belopp, Obligatoriskt: true),
        ]),
    ]);

    private static Formularvalidering.Resultat Validera(string json) => Formularvalidering.Validera(Ansokan, JsonDocument.Parse(json).RootElement);

    [Fact]
    public void Ett_korrekt_ifyllt_formular_blir_typade_variabler()
    {
        var r = Validera("""{"resurser":"1,5 tjänst","startdatum":"2027-01-01","tillstyrker":true,"alternativ":"delad","budgetrader":[{"kostnadstyp":"personal","ar":2027,"belopp":"1 250 000"}]}""");

        r.Giltigt.Should().BeTrue(string.Join("; ", r.Fel));
        r.Variabler["tillstyrker"].Should().Be(true);
        var rad = ((List<object?>)r.Variabler["budgetrader"]!)[0].Should().BeOfType<Dictionary<string, object?>>().Subject;
        rad["belopp"].Should().Be(1_250_000m);
        rad["ar"].Should().Be(2027L);
    }

    [Fact]
    public void Ett_obligatoriskt_falt_som_saknas_namns_med_sin_etikett()
    {
        var r = Validera("""{"startdatum":"2027-01-01"}""");

        r.Fel.Should().ContainSingle().Which.Should().Be(new InsatsFlow.Core.Domain.Valideringsfel("resurser", "Resurser måste fyllas i."));
    }

    [Fact]
    public void Ett_negativt_belopp_i_en_tabellrad_namns_med_radens_sokvag()
    {
        var r = Validera("""{"resurser":"x","startdatum":"2027-01-01","budgetrader":[{"kostnadstyp":"personal","ar":2027,"belopp":-5}]}""");

        r.Fel.Should().ContainSingle().Which.Falt.Should().Be("budgetrader[0].belopp");
    }

    [Fact]
    public void Ett_okant_falt_avvisas_i_stallet_for_att_ignoreras()
    {
        var r = Validera("""{"resurser":"x","startdatum":"2027-01-01","hemligt":"1"}""");

        r.Fel.Should().ContainSingle().Which.Falt.Should().Be("hemligt");
    }

    [Theory]
    [InlineData("""{"resurser":"x","startdatum":"1 januari"}""", "startdatum")]
    [InlineData("""{"resurser":"x","startdatum":"2027-01-01","alternativ":"okand"}""", "alternativ")]
    [InlineData("""{"resurser":"x","startdatum":"2027-01-01","tillstyrker":"kanske"}""", "tillstyrker")]
    [InlineData("""{"resurser":"x","startdatum":"2027-01-01","budgetrader":[{"kostnadstyp":"p","ar":1999,"belopp":1}]}""", "budgetrader[0].ar")]
    public void Fel_typ_namner_faltet(string json, string falt)
    {
        Validera(json).Fel.Select(f => f.Falt).Should().Contain(falt);
    }

    [Fact]
    public void En_formularfil_med_en_komponent_servern_inte_provar_stoppar_inlasningen_med_filen_namngiven()
    {
        var katalog = Directory.CreateTempSubdirectory("formular").FullName;
        File.WriteAllText(Path.Combine(katalog, "trasig.json"), """{"type":"default","id":"x","components":[{"type":"iframe","id":"a","url":"https://x"}]}""");

        var act = () => Formularkatalog.LaddaFran(katalog);

        act.Should().Throw<FormularException>().Which.Fel.Should().ContainSingle().Which.Should().Contain("trasig.json").And.Contain("\"iframe\" stöds inte");
    }
}
