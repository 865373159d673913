using InsatsFlow.Engine.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using static InsatsFlow.Engine.Tests.Harness.Bpmn;

namespace InsatsFlow.Engine.Tests;

public class IncidentTests
{
    private sealed class Ostadig : IServiceTaskHandler
    {
        public string Name => "ostadig";

        public Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken) =>
            context.Variables.TryGetValue("fungerar", out var ok) && ok is true
                ? Task.FromResult<IReadOnlyDictionary<string, object?>?>(new Dictionary<string, object?> { ["skickat"] = true })
                : throw new TimeoutException("mottagaren svarar inte");
    }

    private static string Flow2 => Process("p", $"""
        <bpmn:startEvent id="start" />
        <bpmn:parallelGateway id="dela" />
        <bpmn:serviceTask id="skicka" camunda:type="ostadig" />
        <bpmn:userTask id="granska" camunda:assignee="anna" />
        <bpmn:userTask id="efter" camunda:assignee="anna" />
        <bpmn:endEvent id="e1" />
        {Flow("f1", "start", "dela")}
        {Flow("f2", "dela", "skicka")}
        {Flow("f3", "dela", "granska")}
        {Flow("f4", "skicka", "efter")}
        {Flow("f5", "granska", "e1")}
        """);

    [Fact]
    public async Task En_fallerande_tjanst_blir_en_synlig_incident_och_resten_av_instansen_gar_vidare()
    {
        using var h = new EngineHarness(s => s.AddScoped<IServiceTaskHandler, Ostadig>());
        await h.DeployAsync(Flow2);
        var id = (await h.StartAsync("p")).InstanceId!;
        var incident = (await h.RunAsync(e => e.IncidentsAsync(id))).Single();
        incident.ElementId.Should().Be("skicka");
        incident.Message.Should().Contain("mottagaren svarar inte");
        (await h.InstanceAsync(id)).Tokens.Should().Contain(t => t.ElementId == "skicka" && t.Status == Runtime.TokenStatus.Incident);

        (await h.CompleteAsync(id, "granska")).ActiveElements.Should().Equal("skicka");
    }

    [Fact]
    public async Task En_incident_kan_goras_om_och_da_gar_token_vidare()
    {
        using var h = new EngineHarness(s => s.AddScoped<IServiceTaskHandler, Ostadig>());
        await h.DeployAsync(Flow2);
        var id = (await h.StartAsync("p")).InstanceId!;
        var incident = (await h.RunAsync(e => e.IncidentsAsync(id))).Single();

        var retried = await h.RunAsync(e => e.RetryIncidentAsync(incident.Id, new Dictionary<string, object?> { ["fungerar"] = true }, "drift"));
        retried.ActiveElements.Should().BeEquivalentTo(["efter", "granska"]);
        (await h.RunAsync(e => e.IncidentsAsync(id))).Should().BeEmpty();
        (await h.EventsAsync(id)).Should().Contain(["incident-raised:skicka", "incident-resolved:skicka"]);
    }

    [Fact]
    public async Task En_incident_som_gors_om_utan_andring_blir_en_ny_incident()
    {
        using var h = new EngineHarness(s => s.AddScoped<IServiceTaskHandler, Ostadig>());
        await h.DeployAsync(Flow2);
        var id = (await h.StartAsync("p")).InstanceId!;
        var incident = (await h.RunAsync(e => e.IncidentsAsync(id))).Single();
        await h.RunAsync(e => e.RetryIncidentAsync(incident.Id));
        var open = await h.RunAsync(e => e.IncidentsAsync(id));
        open.Should().ContainSingle().Which.Id.Should().NotBe(incident.Id);
    }

    [Fact]
    public async Task En_hanterare_som_saknas_blir_en_incident_som_namnger_namnet()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Flow2);
        var id = (await h.StartAsync("p")).InstanceId!;
        (await h.RunAsync(e => e.IncidentsAsync(id))).Single().Message.Should().Contain("ostadig");
    }

    [Fact]
    public async Task Ett_uttryck_som_fallerar_pa_lagrade_variabler_blir_en_incident()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="a" camunda:assignee="anna" />
            <bpmn:exclusiveGateway id="gw" default="nej" />
            <bpmn:endEvent id="ja_slut" />
            <bpmn:endEvent id="nej_slut" />
            {Flow("f1", "start", "a")}
            {Flow("f2", "a", "gw")}
            {Flow("ja", "gw", "ja_slut", "${belopp > 5}")}
            {Flow("nej", "gw", "nej_slut")}
            """));
        var id = (await h.StartAsync("p", new { belopp = "mycket" })).InstanceId!;
        await h.CompleteAsync(id, "a");
        var incident = (await h.RunAsync(e => e.IncidentsAsync(id))).Single();
        incident.ElementId.Should().Be("gw");
        incident.Message.Should().Contain("belopp är text");
        var retried = await h.RunAsync(e => e.RetryIncidentAsync(incident.Id, new Dictionary<string, object?> { ["belopp"] = 10 }));
        retried.Status.Should().Be(Store.InstanceStatus.Completed);
        (await h.PathAsync(id)).Should().EndWith(["gw", "ja_slut"]);
    }
}
