using InsatsFlow.Engine.Tests.Harness;
using InsatsFlow.Engine.Parsing;
using static InsatsFlow.Engine.Tests.Harness.Bpmn;

namespace InsatsFlow.Engine.Tests.Granser;

/// <summary>BPMN never needs a DTD: one is refused before any entity is expanded, and the file's size and nesting are limited.</summary>
public class BpmnXmlTests
{
    private const string Bomb = """
        <?xml version="1.0"?>
        <!DOCTYPE lol [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
          <bpmn:process id="p" name="&lol9;"><bpmn:startEvent id="start" /></bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task En_entitetsbomb_avvisas_pa_svenska_med_rad_och_position()
    {
        using var h = new EngineHarness();
        var forsok = () => h.DeployAsync(Bomb, "bomb.bpmn");
        var fel = (await forsok.Should().ThrowAsync<BpmnValidationException>()).Which;
        var problem = fel.Problems.Should().ContainSingle().Which;
        problem.Line.Should().Be(2, problem.Message);
        problem.Message.Should().Contain("DTD").And.Contain("rad 2, position").And.NotContain("For security reasons");
        fel.Message.Should().Contain("bomb.bpmn");
    }

    [Fact]
    public async Task En_extern_entitet_lases_aldrig()
    {
        using var h = new EngineHarness();
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE d [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><bpmn:process id="p" name="&x;" /></bpmn:definitions>
            """;
        var forsok = () => h.DeployAsync(xml);
        (await forsok.Should().ThrowAsync<BpmnValidationException>()).Which.Message.Should().Contain("DTD").And.NotContain("root:");
    }

    [Fact]
    public async Task En_for_stor_fil_avvisas_med_gransen_namngiven()
    {
        using var h = new EngineHarness(engine: o => o.BpmnLimits.MaxCharacters = 2_000);
        var forsok = () => h.DeployAsync(Process("p", """<bpmn:startEvent id="start" />""" + new string(' ', 3_000)));
        (await forsok.Should().ThrowAsync<BpmnValidationException>()).Which.Message.Should().Contain("MaxCharacters").And.Contain("2000");
    }

    [Fact]
    public async Task For_djupt_nastlade_element_avvisas_utan_att_parsern_kors()
    {
        using var h = new EngineHarness();
        var djup = string.Concat(Enumerable.Range(0, 5_000).Select(i => $"<bpmn:subProcess id=\"s{i}\">")) + string.Concat(Enumerable.Repeat("</bpmn:subProcess>", 5_000));
        var forsok = () => h.DeployAsync(Process("p", djup));
        (await forsok.Should().ThrowAsync<BpmnValidationException>()).Which.Message.Should().Contain("MaxDepth");
    }

    [Fact]
    public async Task Felaktig_xml_beskrivs_pa_svenska_med_rad_och_position()
    {
        using var h = new EngineHarness();
        var forsok = () => h.DeployAsync("<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n<bpmn:process id=\"p\">\n</bpmn:definitions>");
        var problem = (await forsok.Should().ThrowAsync<BpmnValidationException>()).Which.Problems.Single();
        problem.Line.Should().Be(3);
        problem.Message.Should().Contain("rad 3, position").And.Contain("sluttagg");
    }
}
