using System.Text.RegularExpressions;
using InsatsFlow.Core.Formular;

namespace InsatsFlow.Core.Tests.Livscykel;

public sealed class FormularkatalogTests
{
    private static readonly string Rot = Livscykelmiljo.Repo();

    // Variables the processes route on or the rule gates write; a form field with one of these names would overwrite them.
    private static readonly string[] Processvariabler =
    [
        "insatsId", "forbundId", "budgetar", "medlem", "medlemmar", "slutdatum", "fas", "ansokan", "insats", "beslut", "medel", "budget",
        "fordelning", "ideKomplett", "ansokanKomplett", "stodberattigandeKostnader", "berordaParter", "malgrupp", "medelTillgangliga",
        "javOchBeslutforhet", "javOchBeslutforhetImplementering", "implementeringsbeslutKomplett", "budgetbeslut", "balanskrav",
        "medlemsandelar", "arsredovisningITid", "uppfoljningsintervall", "yttranden",
    ];

    [Fact]
    public void Varje_formularnyckel_i_arbetsflodena_har_ett_formular_i_forms()
    {
        var katalog = Formularkatalog.LaddaFran(Path.Combine(Rot, "forms"));
        var nycklar = Directory.GetFiles(Path.Combine(Rot, "workflows"), "*.bpmn")
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), "camunda:formRef=\"([^\"]+)\"").Select(m => m.Groups[1].Value))
            .Distinct().ToList();

        nycklar.Should().HaveCount(16);
        nycklar.Where(n => katalog.Hitta(n) is null).Should().BeEmpty();
        katalog.Alla.Select(f => f.FormKey).Should().BeEquivalentTo(nycklar, "inget formulär ska sakna uppgift");
    }

    [Fact]
    public void Inget_formularfalt_skriver_over_en_processvariabel_som_processen_styrs_av()
    {
        var katalog = Formularkatalog.LaddaFran(Path.Combine(Rot, "forms"));

        katalog.Alla.SelectMany(f => f.Falt.Select(falt => $"{f.FormKey}.{falt.Namn}"))
            .Where(namn => Processvariabler.Contains(namn.Split('.')[1]))
            .Should().BeEmpty();
    }
}
