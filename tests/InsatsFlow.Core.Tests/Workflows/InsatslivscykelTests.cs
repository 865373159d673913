using System.Xml.Linq;
using InsatsFlow.Core.Domain;
using static InsatsFlow.Core.Tests.Workflows.BpmnFil;

namespace InsatsFlow.Core.Tests.Workflows;

/// <summary>workflows/insats-livscykel.bpmn follows DESIGN.md "The insats lifecycle".</summary>
public sealed class InsatslivscykelTests
{
    private readonly BpmnFil bpmn = Las(Insatslivscykel);

    [Fact]
    public void Processen_har_en_bana_per_roll()
    {
        bpmn.Lanes.Select(l => (string?)l.Attribute("name")).Should().Equal("Sökande", "Kansli", "Beredningsgrupp", "Styrelse");
    }

    [Fact]
    public void Faserna_som_processen_satter_ar_insatsens_alla_faser()
    {
        var faser = bpmn.Av("serviceTask").Where(t => CamundaAttribut(t, "type") == "fas").Select(t => Egenskaper(t)["fas"]).ToList();

        faser.Distinct().Should().BeEquivalentTo(Enum.GetNames<InsatsFas>());
    }

    [Fact]
    public void Varje_fasbyte_sker_i_livscykelns_ordning()
    {
        var ordning = new List<string>();
        var sett = new HashSet<string>();
        var ko = new Queue<XElement>(bpmn.Av("startEvent"));
        while (ko.TryDequeue(out var nod))
        {
            if (!sett.Add(Id(nod))) continue;
            if (CamundaAttribut(nod, "type") == "fas") ordning.Add(Egenskaper(nod)["fas"]);
            foreach (var f in bpmn.Utgaende(nod)) ko.Enqueue(bpmn.Nod((string)f.Attribute("targetRef")!));
        }

        ordning.Where(f => f != nameof(InsatsFas.Avslagen)).Should().Equal(
            "Idefas", "Ansokan", "Beredning", "Styrelsebeslut", "Genomforande", "Implementeringsbeslut", "Avslutad");
    }

    [Fact]
    public void Formularen_ar_livscykelns_steg()
    {
        bpmn.Av("userTask").Select(t => CamundaAttribut(t, "formRef")).Should().BeEquivalentTo(
            "idefas", "beredning-beslut", "ansokan", "yttrande", "forslag-till-beslut", "styrelsebeslut",
            "uppfoljningsrapport", "implementeringsforslag", "implementeringsbeslut", "slutrapport");
    }

    [Fact]
    public void Ansokan_provas_mot_alla_regelverk_for_ansokan_innan_beredning()
    {
        var regelverk = bpmn.Av("businessRuleTask").Select(t => CamundaAttribut(t, "decisionRef")).ToList();

        regelverk.Should().Contain(["ansokan-komplett", "stodberattigande-kostnader", "berorda-parter", "malgrupp", "beviljat-belopp",
            "jav-och-beslutforhet", "implementeringsbeslut"]);
        regelverk.Count(r => r == "ansokan-komplett").Should().Be(2, "idén och ansökan prövas var för sig");
    }

    [Fact]
    public void En_ansokan_som_inte_uppfyller_en_regel_gar_tillbaka_till_den_sokande()
    {
        var ansokan = bpmn.Av("userTask").Single(t => CamundaAttribut(t, "formRef") == "ansokan");
        var tillbaka = (string)bpmn.Floden.Single(f => (string)f.Attribute("targetRef")! == Id(ansokan)).Attribute("sourceRef")!;
        bpmn.Nod(tillbaka).Name.LocalName.Should().Be("exclusiveGateway");
        var ansokansRegler = new[] { "ansokanKomplett", "stodberattigandeKostnader", "berordaParter", "malgrupp", "medelTillgangliga" };

        foreach (var resultat in ansokansRegler)
        {
            var kontroll = bpmn.Av("businessRuleTask").Single(t => CamundaAttribut(t, "resultVariable") == resultat);
            var grind = bpmn.Nod((string)bpmn.Utgaende(kontroll).Single().Attribute("targetRef")!);
            var nej = bpmn.Floden.Single(f => Id(f) == (string)grind.Attribute("default")!);
            ((string)nej.Attribute("targetRef")!).Should().Be(tillbaka, $"{resultat} ej uppfylld ska tillbaka till ansökan");
        }
    }

    [Fact]
    public void Beredningen_ber_om_ett_yttrande_per_medlem_parallellt()
    {
        var yttrande = bpmn.Av("userTask").Single(t => CamundaAttribut(t, "formRef") == "yttrande");
        var loop = yttrande.Element(Bpmn + "multiInstanceLoopCharacteristics")!;

        CamundaAttribut(loop, "collection").Should().Be("${medlemmar}");
        CamundaAttribut(loop, "elementVariable").Should().Be("medlem");
        ((string?)loop.Attribute("isSequential") ?? "false").Should().Be("false");
    }

    [Fact]
    public void Tjansteskrivelse_protokollsutdrag_och_beslutsbrev_skrivs_fran_mallar()
    {
        bpmn.Av("serviceTask").Where(t => CamundaAttribut(t, "type") == "dokument").Select(t => Egenskaper(t)["mall"])
            .Should().BeEquivalentTo("tjansteskrivelse", "protokollsutdrag", "beslutsbrev");
    }

    [Fact]
    public void Styrelsens_beslut_leder_till_genomforande_avslag_eller_aterremiss_till_beredningen()
    {
        var grind = bpmn.Nod("Gateway_styrelsebeslut");
        var mal = bpmn.Utgaende(grind).ToDictionary(f => (string)f.Attribute("name")!, f => (string)f.Attribute("targetRef")!);

        mal.Keys.Should().BeEquivalentTo("bifall", "avslag", "återremiss");
        Egenskaper(bpmn.Nod(mal["bifall"]))["fas"].Should().Be("Genomforande");
        Egenskaper(bpmn.Nod(mal["avslag"]))["fas"].Should().Be("Avslagen");
        var efterAterremiss = bpmn.Nod((string)bpmn.Utgaende(bpmn.Nod(mal["återremiss"])).Single().Attribute("targetRef")!);
        Egenskaper(efterAterremiss)["fas"].Should().Be("Beredning", "insatsens fas följer med tillbaka till beredningen");
        ((string?)grind.Attribute("default")).Should().Be(Id(bpmn.Utgaende(grind).Single(f => (string)f.Attribute("name")! == "återremiss")));
    }

    [Fact]
    public void Uppfoljningen_aterkommer_med_intervallet_tills_slutdatum()
    {
        var vantan = bpmn.Av("eventBasedGateway").Should().ContainSingle().Subject;
        var timers = bpmn.Utgaende(vantan).Select(f => bpmn.Nod((string)f.Attribute("targetRef")!))
            .Select(n => n.Element(Bpmn + "timerEventDefinition")!.Elements().Single().Value).ToList();

        timers.Should().BeEquivalentTo("${uppfoljningsintervall}", "${slutdatum}");
        var rapport = bpmn.Av("userTask").Single(t => CamundaAttribut(t, "formRef") == "uppfoljningsrapport");
        var efterRapport = bpmn.Nod((string)bpmn.Utgaende(rapport).Single().Attribute("targetRef")!);
        bpmn.Utgaende(efterRapport).Single().Attribute("targetRef")!.Value.Should().Be(Id(vantan));
    }

    [Fact]
    public void Implementeringsbeslutet_fattas_fore_slutdatum_medan_uppfoljningen_pagar()
    {
        var delning = bpmn.Av("parallelGateway").Single(g => bpmn.Utgaende(g).Count() == 2);
        var gren = bpmn.Utgaende(delning).Select(f => bpmn.Nod((string)f.Attribute("targetRef")!))
            .Single(n => n.Name.LocalName == "intermediateCatchEvent");

        gren.Element(Bpmn + "timerEventDefinition")!.Element(Bpmn + "timeDate")!.Value.Should().Be("${slutdatum.AddMonths(-6)}");
    }

    [Fact]
    public void Forfallodagar_raknas_i_arbetsdagar()
    {
        bpmn.Av("userTask").Select(t => CamundaAttribut(t, "dueDate")).Should().OnlyContain(d => d!.StartsWith("${arbetsdagar(", StringComparison.Ordinal));
    }
}
