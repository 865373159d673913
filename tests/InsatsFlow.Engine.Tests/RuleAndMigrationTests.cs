using InsatsFlow.Engine.Store;
using InsatsFlow.Engine.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using static InsatsFlow.Engine.Tests.Harness.Bpmn;

namespace InsatsFlow.Engine.Tests;

public class RuleTaskTests
{
    private sealed class Balanskrav : IDecisionEvaluator
    {
        public List<DecisionRequest> Requests { get; } = [];

        public Task<DecisionResult> EvaluateAsync(DecisionRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            if (request.DecisionRef == "trasig") throw new InvalidOperationException("regelfilen kunde inte läsas");
            var intakter = (long)request.Variables["intakter"]!;
            var kostnader = (long)request.Variables["kostnader"]!;
            return Task.FromResult(new DecisionResult(intakter >= kostnader,
                new Dictionary<string, object?> { ["marginal"] = intakter - kostnader }, "eval-1"));
        }
    }

    private static string Flow(string decisionRef, string extra = "", string inner = "") => Process("p", $$"""
        <bpmn:startEvent id="start" />
        <bpmn:businessRuleTask id="kontroll" camunda:decisionRef="{{decisionRef}}" camunda:resultVariable="balans" {{extra}}>{{inner}}</bpmn:businessRuleTask>
        <bpmn:exclusiveGateway id="gw" default="underskott" />
        <bpmn:userTask id="godkand" camunda:assignee="a" />
        <bpmn:userTask id="atgarda" camunda:assignee="a" />
        {{Bpmn.Flow("f1", "start", "kontroll")}}
        {{Bpmn.Flow("f2", "kontroll", "gw")}}
        {{Bpmn.Flow("ok", "gw", "godkand", "${balans.passed && balans.output.marginal >= 0}")}}
        {{Bpmn.Flow("underskott", "gw", "atgarda")}}
        """);

    [Fact]
    public async Task Regeluppgiften_lagger_resultatet_i_variabeln_och_gatewayen_styr_pa_det()
    {
        var rules = new Balanskrav();
        using var h = new EngineHarness(s => s.AddSingleton<IDecisionEvaluator>(rules));
        await h.DeployAsync(Flow("balanskrav"));
        var ok = await h.StartAsync("p", new { intakter = 100, kostnader = 90 });
        (await h.RunAsync(e => e.IncidentsAsync(ok.InstanceId))).Select(i => i.Message).Should().BeEmpty();
        ok.ActiveElements.Should().Equal("godkand");
        (await h.StartAsync("p", new { intakter = 80, kostnader = 90 })).ActiveElements.Should().Equal("atgarda");
        rules.Requests.Should().OnlyContain(r => r.DecisionRef == "balanskrav" && r.Version == null && r.AsOf == new DateOnly(2026, 3, 2));
    }

    [Fact]
    public async Task En_fast_version_och_ett_datum_skickas_vidare_till_regelverket()
    {
        var rules = new Balanskrav();
        using var h = new EngineHarness(s => s.AddSingleton<IDecisionEvaluator>(rules));
        await h.DeployAsync(Flow("balanskrav", """camunda:decisionRefBinding="version" camunda:decisionRefVersion="2025.1" """,
            """<bpmn:extensionElements><camunda:properties><camunda:property name="asOf" value="${beslutsdatum}" /></camunda:properties></bpmn:extensionElements>"""));
        await h.StartAsync("p", new { intakter = 1, kostnader = 0, beslutsdatum = new DateOnly(2025, 11, 30) });
        rules.Requests.Single().Should().Match<DecisionRequest>(r => r.Version == "2025.1" && r.AsOf == new DateOnly(2025, 11, 30));
    }

    [Fact]
    public async Task En_regelutvardering_som_fallerar_blir_en_incident()
    {
        using var h = new EngineHarness(s => s.AddSingleton<IDecisionEvaluator>(new Balanskrav()));
        await h.DeployAsync(Flow("trasig"));
        var id = (await h.StartAsync("p", new { intakter = 1, kostnader = 0 })).InstanceId!;
        var incident = (await h.RunAsync(e => e.IncidentsAsync(id))).Single();
        incident.ElementId.Should().Be("kontroll");
        incident.Message.Should().Contain("trasig").And.Contain("kunde inte läsas");
    }
}

public class MigrationTests
{
    private static string V1 => Process("p", $"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="granska" camunda:assignee="anna" />
        <bpmn:boundaryEvent id="paminn" attachedToRef="granska" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeDuration>P5D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
        <bpmn:userTask id="paminnelse" camunda:assignee="chef" />
        <bpmn:endEvent id="end" />
        {Flow("f1", "start", "granska")}
        {Flow("f2", "granska", "end")}
        {Flow("f3", "paminn", "paminnelse")}
        """);

    private static string V2 => Process("p", $"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="granska_ansokan" camunda:assignee="anna" />
        <bpmn:boundaryEvent id="paminn" attachedToRef="granska_ansokan" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeDuration>P5D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
        <bpmn:userTask id="paminnelse" camunda:assignee="chef" />
        <bpmn:userTask id="kvittera" camunda:assignee="anna" />
        <bpmn:endEvent id="end" />
        {Flow("f1", "start", "granska_ansokan")}
        {Flow("f2", "granska_ansokan", "kvittera")}
        {Flow("f4", "kvittera", "end")}
        {Flow("f3", "paminn", "paminnelse")}
        """);

    [Fact]
    public async Task Provkorning_visar_flytten_och_att_paminnelsetimern_behalls()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(V1);
        var id = (await h.StartAsync("p")).InstanceId!;
        await h.DeployAsync(V2);
        var plan = await h.RunAsync(e => e.PlanMigrationAsync(id, "p:2", new Dictionary<string, string> { ["granska"] = "granska_ansokan" }));
        plan.Valid.Should().BeTrue();
        plan.Steps.Should().ContainSingle().Which.Should().Match<Migration.MigrationStep>(s => s.From == "granska" && s.To == "granska_ansokan");
        plan.TimersKept.Values.Should().Equal("paminn");
        (await h.InstanceAsync(id)).Instance.DefinitionVersion.Should().Be(1);
    }

    [Fact]
    public async Task Provkorning_namnger_aktiva_element_som_saknar_mappning()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(V1);
        var id = (await h.StartAsync("p")).InstanceId!;
        await h.DeployAsync(V2);
        var plan = await h.RunAsync(e => e.PlanMigrationAsync(id, "p:2"));
        plan.Valid.Should().BeFalse();
        plan.Problems.Should().Contain(p => p.Contains("granska") && p.Contains("mappning"));
        await FluentActions.Awaiting(() => h.RunAsync(e => e.MigrateAsync(id, "p:2"))).Should().ThrowAsync<EngineValidationException>();
    }

    [Fact]
    public async Task Mappning_till_ett_element_av_annan_typ_avvisas()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(V1);
        var id = (await h.StartAsync("p")).InstanceId!;
        await h.DeployAsync(V2);
        var plan = await h.RunAsync(e => e.PlanMigrationAsync(id, "p:2", new Dictionary<string, string> { ["granska"] = "end" }));
        plan.Problems.Should().Contain(p => p.Contains("userTask") && p.Contains("endEvent"));
    }

    [Fact]
    public async Task Flyttad_instans_fortsatter_i_den_nya_versionen_med_sin_timer()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(V1);
        var id = (await h.StartAsync("p")).InstanceId!;
        await h.DeployAsync(V2);
        await h.RunAsync(e => e.MigrateAsync(id, "p:2", new Dictionary<string, string> { ["granska"] = "granska_ansokan" }, "chef"));

        (await h.InstanceAsync(id)).Instance.DefinitionVersion.Should().Be(2);
        (await h.TaskAsync(id, "granska_ansokan")).Assignee.Should().Be("anna");
        await h.AdvanceAsync(TimeSpan.FromDays(5));
        (await h.OpenTasksAsync(id)).Select(t => t.ElementId).Should().BeEquivalentTo(["granska_ansokan", "paminnelse"]);
        (await h.CompleteAsync(id, "granska_ansokan")).ActiveElements.Should().Contain("kvittera");
        (await h.EventsAsync(id)).Should().Contain("instance-migrated");
        (await h.RunAsync(e => e.VerifyJournalAsync(id))).Intact.Should().BeTrue();
    }
}
