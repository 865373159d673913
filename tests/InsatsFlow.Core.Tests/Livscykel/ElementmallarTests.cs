using System.Text.Json.Nodes;
using InsatsFlow.Core.Livscykel;
using InsatsFlow.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Core.Tests.Livscykel;

/// <summary>The designer's element templates name only what the host runs, and offer the catalogue's regelverk as a list.</summary>
public class ElementmallarTests
{
    private static readonly JsonArray Mallar = Elementmallar.Bygg([("balanskrav", "Förbundets budget ska vara i balans. Mer text."), ("jav-och-beslutforhet", "")]);

    [Fact]
    public void Varje_hanterare_som_mallarna_namnger_ar_registrerad_i_vardprogrammet()
    {
        using var miljo = new Livscykelmiljo();
        using var scope = miljo.Harness.Services.CreateScope();
        var registrerade = scope.ServiceProvider.GetServices<IServiceTaskHandler>().Select(h => h.Name).ToList();

        Elementmallar.Hanterare(Mallar).Should().NotBeEmpty().And.OnlyContain(namn => registrerade.Contains(namn));
    }

    [Fact]
    public void Regelprovningens_regelverk_valjs_ur_katalogen_med_beskrivningens_forsta_mening()
    {
        var val = Egenskap("insatsflow.regelprovning", "camunda:decisionRef")["choices"]!.AsArray();

        val.Select(v => (string)v!["value"]!).Should().Equal("balanskrav", "jav-och-beslutforhet");
        ((string)val[0]!["name"]!).Should().Be("balanskrav – Förbundets budget ska vara i balans");
        ((string)val[1]!["name"]!).Should().Be("jav-och-beslutforhet");
    }

    [Fact]
    public void Varje_mall_har_svenskt_namn_och_galler_bpmn_element()
    {
        Mallar.Should().HaveCount(8);
        foreach (var mall in Mallar)
        {
            ((string)mall!["name"]!).Should().NotBeNullOrWhiteSpace();
            mall["appliesTo"]!.AsArray().Should().OnlyContain(t => ((string)t!).StartsWith("bpmn:"));
        }
    }

    [Fact]
    public void Fasmallen_erbjuder_alla_faser_med_visningsnamn()
    {
        var val = Egenskap("insatsflow.fas", "fas")["choices"]!.AsArray();

        val.Select(v => (string)v!["name"]!).Should().Contain(["Idéfas", "Genomförande", "Implementeringsbeslut"]);
        val.Select(v => (string)v!["value"]!).Should().Equal(Enum.GetNames<Core.Domain.InsatsFas>());
    }

    private static JsonNode Egenskap(string mall, string binding) =>
        Mallar.Single(m => (string)m!["id"]! == mall)!["properties"]!.AsArray().Single(p => (string)p!["binding"]!["name"]! == binding)!;
}
