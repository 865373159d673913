using InsatsFlow.Engine.Tests.Harness;
using InsatsFlow.Engine.Parsing;
using static InsatsFlow.Engine.Tests.Harness.Bpmn;

namespace InsatsFlow.Engine.Tests.Granser;

/// <summary>Every limit of an expression is a setting, and a breach names the element and the limit.</summary>
public class UttrycksgransTests
{
    private static string MedVillkor(string villkor) => Process("p", $"""
        <bpmn:startEvent id="start" />
        <bpmn:exclusiveGateway id="val" default="annars" />
        <bpmn:endEvent id="ja" />
        <bpmn:endEvent id="nej" />
        {Flow("f0", "start", "val")}
        {Flow("villkoret", "val", "ja", villkor)}
        {Flow("annars", "val", "nej")}
        """);

    private static async Task<BpmnValidationException> AvvisasAsync(EngineHarness h, string bpmn)
    {
        var forsok = () => h.DeployAsync(bpmn);
        return (await forsok.Should().ThrowAsync<BpmnValidationException>()).Which;
    }

    [Fact]
    public async Task En_jattelik_text_med_fast_langd_avvisas_vid_driftsattning_med_elementet_och_gransen_namngivna()
    {
        using var h = new EngineHarness();
        var fel = await AvvisasAsync(h, MedVillkor("""${"x".PadLeft(500000000) == "x"}"""));
        fel.Problems.Should().ContainSingle().Which.ElementId.Should().Be("villkoret");
        fel.Message.Should().Contain("500000000").And.Contain("MaxTextLength");
    }

    // An expression that fails while a command runs refuses the command (nothing changes) and names the element and the limit.
    private static async Task<string> StoppasAsync(EngineHarness h, Dictionary<string, object?> variabler)
    {
        var forsok = () => h.StartAsync("p", variabler);
        return (await forsok.Should().ThrowAsync<EngineException>()).Which.Message;
    }

    [Fact]
    public async Task En_jattelik_text_ur_en_variabel_stoppas_innan_den_byggs_och_gransen_namnges()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(MedVillkor("""${"x".PadLeft(Convert.ToInt32(bredd)) == "x"}"""));
        var fel = await StoppasAsync(h, new() { ["bredd"] = 500_000_000 });
        fel.Should().Contain("villkoret").And.Contain("MaxTextLength").And.Contain("100000");
    }

    [Fact]
    public async Task En_text_som_vaxer_genom_upprepad_ersattning_stoppas_innan_den_byggs()
    {
        using var h = new EngineHarness(engine: o => o.ExpressionLimits.MaxTextLength = 1_000);
        await h.DeployAsync(MedVillkor("""${t.Replace("a", t).Replace("a", t).Length > 0}"""));
        (await StoppasAsync(h, new() { ["t"] = new string('a', 100) })).Should().Contain("MaxTextLength").And.Contain("1000");
    }

    [Fact]
    public async Task En_text_som_vaxer_genom_sammanfogning_stoppas()
    {
        using var h = new EngineHarness(engine: o => o.ExpressionLimits.MaxTextLength = 1_000);
        await h.DeployAsync(MedVillkor("""${(t + t + t).Length > 0}"""));
        (await StoppasAsync(h, new() { ["t"] = new string('a', 400) }))
            .Should().Contain("MaxTextLength");
    }

    [Fact]
    public async Task En_lista_som_vaxer_over_gransen_stoppas_och_gransen_namnges()
    {
        using var h = new EngineHarness(engine: o => o.ExpressionLimits.MaxCollectionCount = 50);
        await h.DeployAsync(MedVillkor("""${lista.Select(a => a * 2).Count() > 0}"""));
        (await StoppasAsync(h, new() { ["lista"] = Enumerable.Range(0, 100).ToList() })).Should().Contain("MaxCollectionCount").And.Contain("50");
    }

    [Fact]
    public async Task Texter_och_listor_inom_gransen_beraknas_som_vanligt()
    {
        using var h = new EngineHarness(engine: o => o.ExpressionLimits.MaxCollectionCount = 50);
        await h.DeployAsync(MedVillkor("""${lista.Select(a => a * 2).Where(a => a > 10).Count() == 2 && ("a" + t).PadLeft(5).Length == 5}"""));
        var id = (await h.StartAsync("p", new Dictionary<string, object?> { ["lista"] = Enumerable.Range(0, 8).ToList(), ["t"] = "b" })).InstanceId!;
        (await h.PathAsync(id)).Should().Contain("ja");
    }

    [Fact]
    public async Task Ett_for_langt_uttryck_avvisas_med_gransen_namngiven()
    {
        using var h = new EngineHarness(engine: o => o.ExpressionLimits.MaxLength = 100);
        var fel = await AvvisasAsync(h, MedVillkor("${" + string.Join(" + ", Enumerable.Repeat("a", 60)) + " > 0}"));
        fel.Problems.Single().ElementId.Should().Be("villkoret");
        fel.Message.Should().Contain("MaxLength").And.Contain("100");
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("-(", ")")]
    [InlineData("!", "")]
    public async Task Ett_djupt_nastlat_uttryck_avvisas_utan_att_parsern_kors(string fore, string efter)
    {
        using var h = new EngineHarness(engine: o => o.ExpressionLimits.MaxLength = 1_000_000);
        var text = string.Concat(Enumerable.Repeat(fore, 5_000)) + "true" + string.Concat(Enumerable.Repeat(efter, 5_000));
        var fel = await AvvisasAsync(h, MedVillkor("${" + text + "}"));
        fel.Problems.Single().ElementId.Should().Be("villkoret");
        fel.Message.Should().Contain("MaxDepth");
    }

    [Fact]
    public async Task Nastling_inom_gransen_tas_emot()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(MedVillkor("${((a > 1) && !(b < -(2)))}"));
    }

    [Fact]
    public async Task Ett_tolkningsfel_beskrivs_pa_svenska_med_position()
    {
        using var h = new EngineHarness();
        var fel = await AvvisasAsync(h, MedVillkor("${a > }"));
        fel.Message.Should().Contain("villkoret").And.Contain("position");
        fel.Message.Should().NotMatchRegex(@"\b(expected|Unknown|identifier|Expression)\b");
    }
}
