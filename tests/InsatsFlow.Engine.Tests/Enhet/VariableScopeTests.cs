using System.Collections.Concurrent;
using InsatsFlow.Engine.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using static InsatsFlow.Engine.Tests.Harness.Bpmn;

namespace InsatsFlow.Engine.Tests.Enhet;

/// <summary>One variable-lookup rule everywhere: the innermost scope wins.</summary>
public class VariableScopeTests
{
    private sealed class Sedda
    {
        public ConcurrentQueue<object?> Varden { get; } = new();
    }

    private sealed class Notera(Sedda sedda) : IServiceTaskHandler
    {
        public string Name => "notera";

        public Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            sedda.Varden.Enqueue(context.Variables["medlem"]);
            return Task.FromResult<IReadOnlyDictionary<string, object?>?>(null);
        }
    }

    [Fact]
    public async Task En_tjanst_i_en_multiinstans_ser_sin_egen_medlem_fore_instansens_variabel_med_samma_namn()
    {
        var sedda = new Sedda();
        using var h = new EngineHarness(s => s.AddSingleton(sedda).AddScoped<IServiceTaskHandler, Notera>());
        await h.DeployAsync(Process("p", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="notera" camunda:type="notera">
              <bpmn:multiInstanceLoopCharacteristics isSequential="true" camunda:collection="${medlemmar}" camunda:elementVariable="medlem" />
            </bpmn:serviceTask>
            <bpmn:endEvent id="slut" />
            {{Flow("f1", "start", "notera")}}
            {{Flow("f2", "notera", "slut")}}
            """));

        await h.StartAsync("p", new { medlem = "instansens", medlemmar = new[] { "fk", "af" } });

        sedda.Varden.Should().Equal("fk", "af");
    }

    /// <summary>An outer multi-instance subprocess per grupp, inside it a multi-instance call activity per medlem of that
    /// grupp; both name their element variable "medlem", so only the innermost rule gives the called instance its own.</summary>
    private static string NastladAnropsaktivitet => Process("p", $$"""
        <bpmn:startEvent id="start" />
        <bpmn:subProcess id="per_grupp">
          <bpmn:multiInstanceLoopCharacteristics camunda:collection="${grupper}" camunda:elementVariable="medlem" />
          <bpmn:startEvent id="g_start" />
          <bpmn:callActivity id="yttra" calledElement="yttrande">
            <bpmn:extensionElements><camunda:in source="medlem" target="vem" /></bpmn:extensionElements>
            <bpmn:multiInstanceLoopCharacteristics camunda:collection="${medlem.medlemmar}" camunda:elementVariable="medlem" />
          </bpmn:callActivity>
          <bpmn:endEvent id="g_slut" />
          {{Flow("g1", "g_start", "yttra")}}
          {{Flow("g2", "yttra", "g_slut")}}
        </bpmn:subProcess>
        <bpmn:endEvent id="slut" />
        {{Flow("f1", "start", "per_grupp")}}
        {{Flow("f2", "per_grupp", "slut")}}
        """);

    [Fact]
    public async Task En_anropsaktivitet_i_nastlade_multiinstanser_skickar_den_innersta_medlemmen()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Tasks("yttrande", "skriv"));
        await h.DeployAsync(NastladAnropsaktivitet);

        await h.StartAsync("p", new
        {
            medlem = "instansens",
            grupper = new[] { new Dictionary<string, object?> { ["medlemmar"] = new[] { "fk", "af" } } },
        });

        var barn = await h.RunAsync(e => e.FindInstancesAsync("yttrande"));
        var vem = new List<object?>();
        foreach (var b in barn) vem.Add((await h.InstanceAsync(b.Id)).Variables["vem"]);
        vem.Should().BeEquivalentTo(new object?[] { "fk", "af" });
    }

    [Fact]
    public async Task Ett_uttryck_i_en_nastlad_multiinstans_laser_den_innersta_medlemmen()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Process("p", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="per_grupp">
              <bpmn:multiInstanceLoopCharacteristics camunda:collection="${grupper}" camunda:elementVariable="medlem" />
              <bpmn:startEvent id="g_start" />
              <bpmn:userTask id="yttra" camunda:candidateGroups="${medlem}">
                <bpmn:multiInstanceLoopCharacteristics camunda:collection="${medlem.medlemmar}" camunda:elementVariable="medlem" />
              </bpmn:userTask>
              {{Flow("g1", "g_start", "yttra")}}
            </bpmn:subProcess>
            {{Flow("f1", "start", "per_grupp")}}
            """));

        var id = (await h.StartAsync("p", new
        {
            medlem = "instansens",
            grupper = new[] { new Dictionary<string, object?> { ["medlemmar"] = new[] { "fk", "af" } } },
        })).InstanceId!;

        (await h.OpenTasksAsync(id)).Select(t => t.CandidateGroupList.Single()).Should().BeEquivalentTo(["fk", "af"]);
    }
}
