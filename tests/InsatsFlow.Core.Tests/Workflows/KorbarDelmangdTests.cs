using System.Xml.Linq;
using static InsatsFlow.Core.Tests.Workflows.BpmnFil;

namespace InsatsFlow.Core.Tests.Workflows;

/// <summary>The files use only the BPMN subset that InsatsFlow's engine executes (DESIGN.md, "The engine"), the way bpmn-js writes it.</summary>
public sealed class KorbarDelmangdTests
{
    public static TheoryData<string> Filer => new() { Insatslivscykel, Budgetprocess };

    private static readonly Dictionary<string, string?[]> TillatnaHandelsedefinitioner = new()
    {
        ["startEvent"] = [null, "messageEventDefinition", "timerEventDefinition"],
        ["endEvent"] = [null, "terminateEventDefinition", "errorEventDefinition"],
        ["intermediateCatchEvent"] = ["timerEventDefinition", "messageEventDefinition"],
        ["boundaryEvent"] = ["timerEventDefinition", "messageEventDefinition", "errorEventDefinition"],
    };

    private static readonly HashSet<string> TillatnaSteg =
    [
        "startEvent", "endEvent", "intermediateCatchEvent", "boundaryEvent",
        "userTask", "serviceTask", "businessRuleTask", "sendTask", "manualTask",
        "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway",
        "subProcess", "callActivity",
    ];

    private static readonly HashSet<string> TillatnaCamundaAttribut =
    [
        "assignee", "candidateUsers", "candidateGroups", "dueDate", "formKey", "formRef", "formRefBinding", "formRefVersion", "type", "delegateExpression",
        "decisionRef", "decisionRefBinding", "decisionRefVersion", "resultVariable", "collection", "elementVariable",
    ];

    [Theory, MemberData(nameof(Filer))]
    public void Filen_ar_bpmn_med_bpmn_js_namnrymder(string fil)
    {
        var root = Las(fil).Dokument.Root!;

        root.Name.Should().Be(Bpmn + "definitions");
        var prefix = root.Attributes().Where(a => a.IsNamespaceDeclaration).ToDictionary(a => a.Name.LocalName, a => a.Value);
        prefix.Should().Contain(new Dictionary<string, string>
        {
            ["bpmn"] = Bpmn.NamespaceName,
            ["bpmndi"] = BpmnDi.NamespaceName,
            ["dc"] = Dc.NamespaceName,
            ["di"] = Di.NamespaceName,
            ["camunda"] = Camunda.NamespaceName,
            ["xsi"] = Xsi.NamespaceName,
        });
        root.Elements(Bpmn + "process").Should().ContainSingle().Which.Attribute("isExecutable")!.Value.Should().Be("true");
        root.Elements().Select(e => e.Name.LocalName).Should().OnlyContain(n => n == "collaboration" || n == "process" || n == "message" || n == "error" || n == "BPMNDiagram");
    }

    [Theory, MemberData(nameof(Filer))]
    public void Processens_id_ar_filens_namn(string fil) =>
        Id(Las(fil).Process).Should().Be(Path.GetFileNameWithoutExtension(fil));

    [Theory, MemberData(nameof(Filer))]
    public void Id_ar_unika_och_i_bpmn_js_stil(string fil)
    {
        var bpmn = Las(fil);
        var ids = bpmn.Dokument.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();

        ids.Should().OnlyHaveUniqueItems();
        foreach (var element in bpmn.Noder.Concat(bpmn.Floden).Concat(bpmn.Lanes))
        {
            var prefix = element.Name.LocalName switch
            {
                var n when n.EndsWith("Event", StringComparison.Ordinal) => "Event_",
                var n when n.EndsWith("Gateway", StringComparison.Ordinal) => "Gateway_",
                "sequenceFlow" => "Flow_",
                "lane" => "Lane_",
                _ => "Activity_",
            };
            Id(element).Should().StartWith(prefix);
        }
    }

    [Theory, MemberData(nameof(Filer))]
    public void Varje_steg_ar_ett_som_motorn_kor(string fil)
    {
        var bpmn = Las(fil);

        bpmn.Noder.Select(n => n.Name.LocalName).Should().OnlyContain(n => TillatnaSteg.Contains(n));
        foreach (var handelse in bpmn.Noder.Where(n => TillatnaHandelsedefinitioner.ContainsKey(n.Name.LocalName)))
        {
            var definitioner = handelse.Elements().Where(e => e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal)).ToList();
            definitioner.Should().HaveCountLessThanOrEqualTo(1, Id(handelse));
            TillatnaHandelsedefinitioner[handelse.Name.LocalName].Should().Contain(definitioner.FirstOrDefault()?.Name.LocalName, Id(handelse));
        }
    }

    [Theory, MemberData(nameof(Filer))]
    public void Bara_kanda_camunda_attribut_anvands(string fil)
    {
        var bpmn = Las(fil);
        var attribut = bpmn.Dokument.Descendants().SelectMany(e => e.Attributes()).Where(a => a.Name.Namespace == Camunda);

        attribut.Select(a => a.Name.LocalName).Distinct().Should().OnlyContain(n => TillatnaCamundaAttribut.Contains(n));
    }

    [Theory, MemberData(nameof(Filer))]
    public void Villkor_och_uttryck_skrivs_som_dollaruttryck(string fil)
    {
        var bpmn = Las(fil);
        var villkor = bpmn.Floden.Select(f => f.Element(Bpmn + "conditionExpression")).OfType<XElement>().ToList();

        villkor.Should().NotBeEmpty();
        foreach (var v in villkor)
        {
            v.Attribute(Xsi + "type")!.Value.Should().Be("bpmn:tFormalExpression");
            v.Value.Trim().Should().MatchRegex(@"^\$\{.+\}$");
        }
        foreach (var samling in bpmn.Dokument.Descendants(Bpmn + "multiInstanceLoopCharacteristics"))
            CamundaAttribut(samling, "collection").Should().MatchRegex(@"^\$\{.+\}$");
    }

    [Theory, MemberData(nameof(Filer))]
    public void Varje_timer_har_exakt_ett_formellt_uttryck(string fil)
    {
        var bpmn = Las(fil);

        foreach (var timer in bpmn.Dokument.Descendants(Bpmn + "timerEventDefinition"))
        {
            var varden = timer.Elements().Where(e => e.Name.LocalName is "timeDate" or "timeDuration" or "timeCycle").ToList();
            varden.Should().ContainSingle(Id(timer.Parent!));
            varden[0].Attribute(Xsi + "type")!.Value.Should().Be("bpmn:tFormalExpression");
            varden[0].Value.Trim().Should().NotBeEmpty();
        }
    }

    [Theory, MemberData(nameof(Filer))]
    public void Grindar_med_villkor_har_ett_standardflode_och_villkor_pa_ovriga(string fil)
    {
        var bpmn = Las(fil);

        foreach (var grind in bpmn.Av("exclusiveGateway").Where(g => bpmn.Utgaende(g).Count() > 1))
        {
            var standard = (string?)grind.Attribute("default");
            standard.Should().NotBeNull($"{Id(grind)} ska ha ett standardflöde så att en process aldrig fastnar i grinden");
            foreach (var flode in bpmn.Utgaende(grind).Where(f => Id(f) != standard))
                flode.Element(Bpmn + "conditionExpression").Should().NotBeNull($"{Id(flode)} från {Id(grind)} saknar villkor");
            bpmn.Utgaende(grind).Should().Contain(f => Id(f) == standard);
        }
    }

    [Theory, MemberData(nameof(Filer))]
    public void Service_och_sanduppgifter_namner_sin_hanterare(string fil)
    {
        var bpmn = Las(fil);

        foreach (var uppgift in bpmn.Av("serviceTask").Concat(bpmn.Av("sendTask")))
            CamundaAttribut(uppgift, "type").Should().NotBeNullOrWhiteSpace(Id(uppgift));
    }

    [Theory, MemberData(nameof(Filer))]
    public void Varje_steg_nas_fran_start_och_leder_till_ett_slut(string fil)
    {
        var bpmn = Las(fil);
        var fore = bpmn.Noder.ToDictionary(Id, n => new List<string>());
        var efter = bpmn.Noder.ToDictionary(Id, n => new List<string>());
        foreach (var f in bpmn.Floden) Koppla((string)f.Attribute("sourceRef")!, (string)f.Attribute("targetRef")!);
        foreach (var b in bpmn.Av("boundaryEvent")) Koppla((string)b.Attribute("attachedToRef")!, Id(b));

        var nas = Sok(bpmn.Av("startEvent").Select(Id), efter);
        var ledTillSlut = Sok(bpmn.Av("endEvent").Select(Id), fore);

        bpmn.Noder.Select(Id).Except(nas).Should().BeEmpty("alla steg ska nås från start");
        bpmn.Noder.Select(Id).Except(ledTillSlut).Should().BeEmpty("alla steg ska kunna leda till ett slut");

        void Koppla(string fran, string till)
        {
            efter[fran].Add(till);
            fore[till].Add(fran);
        }
    }

    private static HashSet<string> Sok(IEnumerable<string> fran, Dictionary<string, List<string>> grannar)
    {
        var sett = new HashSet<string>(fran);
        var ko = new Queue<string>(sett);
        while (ko.TryDequeue(out var id))
            foreach (var n in grannar[id].Where(sett.Add))
                ko.Enqueue(n);
        return sett;
    }
}
