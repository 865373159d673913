using InsatsFlow.Engine.Tests.Harness;
using InsatsFlow.Engine.Parsing;
using static InsatsFlow.Engine.Tests.Harness.Bpmn;

namespace InsatsFlow.Engine.Tests.Granser;

/// <summary>
/// The deploy check refuses what cannot run: a name that denotes a .NET type or namespace is never a process variable,
/// so it is refused when the file is deployed, naming the element and the name, instead of failing in every instance.
/// </summary>
public class OtillatnaNamnTests
{
    private static string MedFrist(string frist) => Process("p", $"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="granska" camunda:assignee="anna" camunda:dueDate="{System.Security.SecurityElement.Escape(frist)}" />
        {Flow("f1", "start", "granska")}
        """);

    private static string MedVillkor(string villkor) => Process("p", $"""
        <bpmn:startEvent id="start" />
        <bpmn:exclusiveGateway id="val" default="annars" />
        <bpmn:endEvent id="ja" />
        <bpmn:endEvent id="nej" />
        {Flow("f0", "start", "val")}
        {Flow("villkoret", "val", "ja", villkor)}
        {Flow("annars", "val", "nej")}
        """);

    [Theory]
    [InlineData("""${System.IO.File.ReadAllText("/etc/passwd")}""", "System")]
    [InlineData("""${Process.Start("sh")}""", "Process")]
    [InlineData("""${Environment.GetEnvironmentVariable("HOME")}""", "Environment")]
    [InlineData("${AppDomain.CurrentDomain.BaseDirectory}", "AppDomain")]
    [InlineData("""${Activator.CreateInstance("x", "y")}""", "Activator")]
    [InlineData("""${Type.GetType("System.IO.File")}""", "Type")]
    [InlineData("${Assembly.GetExecutingAssembly()}", "Assembly")]
    [InlineData("""${Directory.GetFiles("/")}""", "Directory")]
    public async Task Ett_uttryck_som_vill_na_en_typ_utanfor_sandladan_avvisas_vid_driftsattning(string uttryck, string namn)
    {
        using var h = new EngineHarness();
        var forsok = () => h.DeployAsync(MedFrist(uttryck));
        var fel = (await forsok.Should().ThrowAsync<BpmnValidationException>()).Which;
        fel.Problems.Should().ContainSingle().Which.ElementId.Should().Be("granska");
        fel.Problems.Single().Message.Should().Contain($"{namn} är en .NET-typ eller ett namnområde");
    }

    [Fact]
    public async Task Ett_villkor_som_laser_en_namnrymd_avvisas_med_flodet_namngivet()
    {
        using var h = new EngineHarness();
        var forsok = () => h.DeployAsync(MedVillkor("""${System.Environment.UserName == "root"}"""));
        var fel = (await forsok.Should().ThrowAsync<BpmnValidationException>()).Which;
        fel.Problems.Should().ContainSingle().Which.ElementId.Should().Be("villkoret");
        fel.Message.Should().Contain("System");
    }

    [Fact]
    public async Task Variabler_med_egna_namn_och_sandladans_typer_tas_emot()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(MedVillkor("""${beslut == "bifall" && Math.Abs(belopp) > 0 && DateOnly(2026, 1, 1) < slutdatum && resultat.passed}"""));
    }

    [Fact]
    public async Task En_frist_som_varken_ar_uttryck_eller_iso_8601_avvisas_vid_driftsattning()
    {
        using var h = new EngineHarness();
        var forsok = () => h.DeployAsync(MedFrist("nästa vecka"));
        var fel = (await forsok.Should().ThrowAsync<BpmnValidationException>()).Which;
        fel.Problems.Should().ContainSingle().Which.ElementId.Should().Be("granska");
        fel.Message.Should().Contain("nästa vecka").And.Contain("ISO 8601");
    }

    [Theory]
    [InlineData("P5D")]
    [InlineData("PT2H")]
    [InlineData("2026-12-01")]
    [InlineData("2026-12-01T09:00:00+01:00")]
    public async Task En_frist_i_iso_8601_tas_emot(string frist)
    {
        using var h = new EngineHarness();
        await h.DeployAsync(MedFrist(frist));
    }

    [Fact]
    public async Task En_timer_som_varken_ar_uttryck_eller_iso_8601_avvisas_vid_driftsattning()
    {
        using var h = new EngineHarness();
        var forsok = () => h.DeployAsync(Process("p", """
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="vanta"><bpmn:timerEventDefinition><bpmn:timeDuration>nästa vecka</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="vanta" />
            """));
        var fel = (await forsok.Should().ThrowAsync<BpmnValidationException>()).Which;
        fel.Problems.Should().ContainSingle().Which.ElementId.Should().Be("vanta");
        fel.Message.Should().Contain("nästa vecka");
    }
}
