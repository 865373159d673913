using static InsatsFlow.Core.Tests.Workflows.BpmnFil;

namespace InsatsFlow.Core.Tests.Workflows;

/// <summary>workflows/budgetprocess.bpmn: one instance per budget year (FINSAM 21, 23 and 24 §§).</summary>
public sealed class BudgetprocessTests
{
    private readonly BpmnFil bpmn = Las(Budgetprocess);

    [Fact]
    public void Processen_har_banor_for_kansli_och_styrelse()
    {
        bpmn.Lanes.Select(l => (string?)l.Attribute("name")).Should().Equal("Kansli", "Styrelse");
    }

    [Fact]
    public void Samrad_sker_med_varje_medlem_parallellt_fore_forslaget()
    {
        var samrad = bpmn.Av("userTask").Single(t => Id(t) == "Activity_samrad");
        var loop = samrad.Element(Bpmn + "multiInstanceLoopCharacteristics")!;

        CamundaAttribut(loop, "collection").Should().Be("${medlemmar}");
        ((string?)loop.Attribute("isSequential") ?? "false").Should().Be("false");
        StegOrdning().Should().ContainInOrder("budgetsamrad", "budgetforslag", "budgetpublicering", "budgetantagande");
    }

    [Fact]
    public void Vid_antagandet_provas_30_november_samrad_balanskrav_och_medlemsandelar()
    {
        var regelverk = bpmn.Av("businessRuleTask").Select(t => CamundaAttribut(t, "decisionRef")).ToList();

        regelverk.Should().ContainInOrder("budgetbeslut", "balanskrav", "medlemsandelar");
        StegOrdning().Should().ContainInOrder("budgetantagande", "budgetbeslut", "balanskrav", "medlemsandelar", "arsredovisning");
    }

    [Fact]
    public void Budgeten_ska_antas_senast_30_november_aret_fore_budgetaret()
    {
        var antagande = bpmn.Av("userTask").Single(t => CamundaAttribut(t, "formRef") == "budgetantagande");

        CamundaAttribut(antagande, "dueDate").Should().Be("${senast(DateOnly(Convert.ToInt32(budgetar) - 1, 11, 30))}");
        CamundaAttribut(antagande, "candidateGroups").Should().Be("styrelse");
    }

    [Fact]
    public void Arsredovisningen_vantar_till_budgetarets_slut_och_ska_upprattas_senast_31_mars()
    {
        var timer = bpmn.Av("intermediateCatchEvent").Should().ContainSingle().Subject;
        var upprattande = bpmn.Av("userTask").Single(t => CamundaAttribut(t, "formRef") == "arsredovisning-upprattad");

        timer.Element(Bpmn + "timerEventDefinition")!.Element(Bpmn + "timeDate")!.Value.Should().Be("${DateOnly(Convert.ToInt32(budgetar) + 1, 1, 1)}");
        CamundaAttribut(upprattande, "dueDate").Should().Be("${senast(DateOnly(Convert.ToInt32(budgetar) + 1, 3, 31))}");
        StegOrdning().Should().ContainInOrder("budgetaret_slut", "arsredovisning", "arsredovisning-upprattad");
    }

    [Fact]
    public void Publiceringen_pa_webbplatsen_registreras_som_en_egen_uppgift()
    {
        var publicering = bpmn.Av("userTask").Single(t => CamundaAttribut(t, "formRef") == "budgetpublicering");

        publicering.Element(Bpmn + "documentation")!.Value.Should().Contain("KL 8 kap. 14 §");
    }

    /// <summary>Form keys, regelverk and timer keys in the order the main path meets them (failing gates skipped).</summary>
    private List<string> StegOrdning()
    {
        var ordning = new List<string>();
        var nod = bpmn.Av("startEvent").Single();
        var sett = new HashSet<string>();
        while (sett.Add(Id(nod)))
        {
            if (CamundaAttribut(nod, "formRef") is { } form) ordning.Add(form);
            if (CamundaAttribut(nod, "decisionRef") is { } regel) ordning.Add(regel);
            if (nod.Name.LocalName == "intermediateCatchEvent") ordning.Add(Id(nod)["Event_".Length..]);
            var ut = bpmn.Utgaende(nod).Where(f => Id(f) != (string?)nod.Attribute("default")).ToList();
            if (ut.Count == 0) break;
            nod = bpmn.Nod((string)ut[0].Attribute("targetRef")!);
        }
        return ordning;
    }
}
