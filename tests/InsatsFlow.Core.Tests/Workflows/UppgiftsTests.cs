using System.Text.RegularExpressions;
using System.Xml.Linq;
using static InsatsFlow.Core.Tests.Workflows.BpmnFil;

namespace InsatsFlow.Core.Tests.Workflows;

/// <summary>User tasks, rule gates and the contract with the host (handlers, forms, variables) that workflows/README.md describes.</summary>
public sealed partial class UppgiftsTests
{
    public static TheoryData<string> Filer => new() { Insatslivscykel, Budgetprocess };

    private static readonly HashSet<string> Roller = ["sokande", "kansli", "beredningsgrupp", "styrelse"];

    [Theory, MemberData(nameof(Filer))]
    public void Varje_anvandaruppgift_har_mottagare_forfallodag_och_formular(string fil)
    {
        var bpmn = Las(fil);

        bpmn.Av("userTask").Should().NotBeEmpty();
        foreach (var uppgift in bpmn.Av("userTask"))
        {
            (CamundaAttribut(uppgift, "candidateGroups") ?? CamundaAttribut(uppgift, "candidateUsers") ?? CamundaAttribut(uppgift, "assignee"))
                .Should().NotBeNullOrWhiteSpace(Id(uppgift));
            CamundaAttribut(uppgift, "dueDate").Should().MatchRegex(@"^\$\{.+\}$", Id(uppgift));
            CamundaAttribut(uppgift, "formRef").Should().MatchRegex("^[a-z][a-z-]*$", Id(uppgift));
        }
    }

    /// <summary>A medlem's own representatives: the group "medlem:&lt;id&gt;" of the multi-instance's medlem.</summary>
    private const string MedlemmensGrupp = "${\"medlem:\" + medlem}";

    /// <summary>The sökande's steps go to the insats's kontaktpersoner, by name (candidate users), not to a group.</summary>
    private const string Sokande = "${sokande}";

    [Theory, MemberData(nameof(Filer))]
    public void Grupperna_ar_rollernas_namn_eller_medlemmens_egen_grupp(string fil)
    {
        var bpmn = Las(fil);

        foreach (var uppgift in bpmn.Av("userTask").Where(u => CamundaAttribut(u, "candidateGroups") is not null))
            if (CamundaAttribut(uppgift, "candidateGroups") != MedlemmensGrupp)
                CamundaAttribut(uppgift, "candidateGroups")!.Split(',').Should().OnlyContain(g => Roller.Contains(g.Trim()) && g.Trim() != "sokande", Id(uppgift));
    }

    [Theory, MemberData(nameof(Filer))]
    public void En_anvandaruppgift_ligger_i_sin_rolls_bana(string fil)
    {
        var bpmn = Las(fil);

        foreach (var uppgift in bpmn.Av("userTask"))
        {
            var bana = Id(bpmn.Lanes.Single(l => l.Elements(Bpmn + "flowNodeRef").Any(r => r.Value == Id(uppgift))));
            var grupp = CamundaAttribut(uppgift, "candidateGroups");
            if (bana == "Lane_sokande")
            {
                CamundaAttribut(uppgift, "candidateUsers").Should().Be(Sokande, Id(uppgift));
                grupp.Should().BeNull(Id(uppgift));
            }
            else if (grupp == MedlemmensGrupp)
            {
                bana.Should().Be("Lane_beredningsgrupp", Id(uppgift));
                bpmn.Nod(Id(uppgift)).Element(Bpmn + "multiInstanceLoopCharacteristics").Should().NotBeNull(Id(uppgift));
            }
            else bana.Should().Be("Lane_" + grupp, Id(uppgift));
        }
    }

    [Fact]
    public void Varje_yttrande_gar_till_sin_egen_medlems_foretradare()
    {
        var yttrande = Las(Insatslivscykel).Nod("Activity_yttrande");

        CamundaAttribut(yttrande, "candidateGroups").Should().Be(MedlemmensGrupp);
        ((string?)yttrande.Element(Bpmn + "multiInstanceLoopCharacteristics")!.Attribute(Camunda + "elementVariable")).Should().Be("medlem");
    }

    [Theory, MemberData(nameof(Filer))]
    public void En_forsenad_uppgift_paminner_forst_handlaggaren_och_sedan_forbundschefen(string fil)
    {
        var bpmn = Las(fil);

        foreach (var uppgift in bpmn.Av("userTask"))
        {
            var timers = bpmn.GransHandelser(uppgift).Where(b => b.Element(Bpmn + "timerEventDefinition") is not null).ToList();
            timers.Should().HaveCount(2, Id(uppgift));
            timers.Should().OnlyContain(t => (string?)t.Attribute("cancelActivity") == "false", "eskaleringen får inte avbryta uppgiften");
            var mottagare = timers.Select(t => bpmn.Nod((string)bpmn.Utgaende(t).Single().Attribute("targetRef")!))
                .Select(n => (Typ: n.Name.LocalName, Hanterare: CamundaAttribut(n, "type"), Egenskaper: Egenskaper(n))).ToList();
            mottagare.Should().OnlyContain(m => m.Typ == "sendTask" && m.Hanterare == "notifiering" && m.Egenskaper["uppgift"] == Id(uppgift));
            mottagare.Select(m => m.Egenskaper["mottagare"]).Should().BeEquivalentTo("tilldelad", "forbundschef");
        }
    }

    [Theory, MemberData(nameof(Filer))]
    public void Efter_varje_regelkontroll_valjer_en_grind_pa_om_regeln_ar_uppfylld(string fil)
    {
        var bpmn = Las(fil);

        bpmn.Av("businessRuleTask").Should().NotBeEmpty();
        foreach (var kontroll in bpmn.Av("businessRuleTask"))
        {
            CamundaAttribut(kontroll, "decisionRef").Should().MatchRegex("^[a-z][a-z-]*$", Id(kontroll));
            var resultat = CamundaAttribut(kontroll, "resultVariable");
            resultat.Should().NotBeNullOrEmpty(Id(kontroll));
            var grind = bpmn.Nod((string)bpmn.Utgaende(kontroll).Should().ContainSingle().Subject.Attribute("targetRef")!);
            grind.Name.LocalName.Should().Be("exclusiveGateway", Id(kontroll));
            var standard = (string?)grind.Attribute("default");
            standard.Should().NotBeNull("ett ej uppfyllt resultat får aldrig gå vidare tyst");
            var vidare = bpmn.Utgaende(grind).Where(f => Id(f) != standard).Should().ContainSingle().Subject;
            vidare.Element(Bpmn + "conditionExpression")!.Value.Trim().Should().Be(RegelnUppfylld(resultat!));
        }
    }

    [Theory, MemberData(nameof(Filer))]
    public void Varje_regelkontroll_namner_ett_regelverk_som_finns_i_rules(string fil)
    {
        var rules = Path.Combine(Path.GetDirectoryName(WorkflowsKatalog())!, "rules");

        foreach (var kontroll in Las(fil).Av("businessRuleTask"))
        {
            var mapp = Path.Combine(rules, CamundaAttribut(kontroll, "decisionRef")!);
            Directory.Exists(mapp).Should().BeTrue($"{Id(kontroll)} pekar på {mapp}");
            Directory.EnumerateFiles(mapp, "*.json").Should().NotBeEmpty($"{mapp} ska ha minst en version");
        }
    }

    [Theory, MemberData(nameof(Filer))]
    public void Varje_regelkontroll_laser_sitt_regelverks_indata_ur_domanens_vyer(string fil)
    {
        var bpmn = Las(fil);
        var katalog = new InsatsFlow.Rules.Loading.RuleCatalogueLoader(views: InsatsFlow.Core.Regelprovning.Regelunderlag.Vyer)
            .Load(InsatsFlow.Core.Tests.Regelprovning.Regelmiljo.RulesDirectory());
        katalog.Ok.Should().BeTrue(string.Join("; ", katalog.Problems));

        foreach (var kontroll in bpmn.Av("businessRuleTask"))
        {
            var regelverk = CamundaAttribut(kontroll, "decisionRef")!;
            katalog.Catalogue!.Versions(regelverk).Should().NotBeEmpty($"{Id(kontroll)} prövar {regelverk}");
            foreach (var version in katalog.Catalogue.Versions(regelverk))
                version.Indata.Select(i => i.Namn).Should().OnlyContain(n => InsatsFlow.Core.Regelprovning.Regelunderlag.Vyer.Find(n) != null,
                    $"grinden bygger {regelverk} {version.Version}s indata ur vyerna");
        }
    }

    [Theory, MemberData(nameof(Filer))]
    public void Hanterare_formular_regelverk_och_variabler_star_i_workflows_README(string fil)
    {
        var bpmn = Las(fil);
        var readme = File.ReadAllText(Path.Combine(WorkflowsKatalog(), "README.md"));
        var namn = new HashSet<string>();
        foreach (var element in bpmn.Noder)
        {
            foreach (var attribut in new[] { "type", "formRef", "decisionRef", "resultVariable", "elementVariable" })
                if (CamundaAttribut(element, attribut) is { } v) namn.Add(v);
            foreach (var (nyckel, varde) in Egenskaper(element).Where(p => p.Key is not "uppgift" and not "asOf" and not "regelverk"))
                namn.Add($"{nyckel}={varde}");
            if (Egenskaper(element).TryGetValue("regelverk", out var lista))
                namn.UnionWith(lista.Split(','));
        }
        var texter = bpmn.Dokument.Descendants().SelectMany(e => e.Attributes().Select(a => a.Value).Append(e.HasElements ? "" : e.Value));
        foreach (Match uttryck in texter.SelectMany(t => Uttryck().Matches(t)))
            foreach (Match m in Variabel().Matches(Textkonstant().Replace(uttryck.Groups[1].Value, "\"\"")))
                if (m.Groups[1].Value is not ("true" or "false" or "null")) namn.Add(m.Groups[1].Value);

        namn.Where(n => !readme.Contains($"`{n}`", StringComparison.Ordinal)).Should().BeEmpty("README ska beskriva varje namn som värden måste känna till");
    }

    [GeneratedRegex(@"^\s*\$\{(.+)\}\s*$", RegexOptions.Singleline)]
    private static partial Regex Uttryck();

    [GeneratedRegex(@"""[^""]*""")]
    private static partial Regex Textkonstant();

    /// <summary>A process variable in an expression: a lower-case name not after a dot and not called, e.g. slutdatum in ${slutdatum.AddMonths(-6)}.</summary>
    [GeneratedRegex(@"(?<![\w.])([a-z][A-Za-z0-9]*)\b(?!\s*\()")]
    private static partial Regex Variabel();
}
