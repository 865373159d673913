using InsatsFlow.Engine.Store;
using InsatsFlow.Engine.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using static InsatsFlow.Engine.Tests.Harness.Bpmn;

namespace InsatsFlow.Engine.Tests;

/// <summary>Error events, inclusive gateways, sub-processes, call activities, multi-instance.</summary>
public class StructureTests
{
    private const string Errors = """<bpmn:error id="e_ofullst" name="Ofullständig" errorCode="OFULLSTANDIG" />""";

    [Fact]
    public async Task Felslut_i_en_underprocess_fangas_av_felgransen_pa_underprocessen()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="kontroll">
              <bpmn:startEvent id="k_start" />
              <bpmn:exclusiveGateway id="komplett" default="ok" />
              <bpmn:endEvent id="k_fel"><bpmn:errorEventDefinition errorRef="e_ofullst" /></bpmn:endEvent>
              <bpmn:endEvent id="k_slut" />
              {Flow("k1", "k_start", "komplett")}
              {Flow("saknas", "komplett", "k_fel", "${!bilaga}")}
              {Flow("ok", "komplett", "k_slut")}
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="ofullstandig" attachedToRef="kontroll"><bpmn:errorEventDefinition errorRef="e_ofullst" /></bpmn:boundaryEvent>
            <bpmn:userTask id="komplettera" camunda:assignee="sokande" />
            <bpmn:userTask id="bered" camunda:assignee="anna" />
            {Flow("f1", "start", "kontroll")}
            {Flow("f2", "kontroll", "bered")}
            {Flow("f3", "ofullstandig", "komplettera")}
            """, Errors));
        (await h.StartAsync("p", new { bilaga = false })).ActiveElements.Should().Equal("komplettera");
        var ok = await h.StartAsync("p", new { bilaga = true });
        ok.ActiveElements.Should().Equal("bered");
        (await h.PathAsync(ok.InstanceId!)).Should().Equal("start", "kontroll", "k_start", "komplett", "k_slut", "bered");
    }

    private sealed class Kontrollera : IServiceTaskHandler
    {
        public string Name => "kontrollera";

        public Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken) =>
            throw new BpmnErrorException("OFULLSTANDIG", "bilaga saknas");
    }

    [Fact]
    public async Task Ett_bpmn_fel_fran_en_tjanst_fangas_av_tjanstens_felgrans()
    {
        using var h = new EngineHarness(s => s.AddScoped<IServiceTaskHandler, Kontrollera>());
        await h.DeployAsync(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="kontroll" camunda:type="kontrollera" />
            <bpmn:boundaryEvent id="fel" attachedToRef="kontroll"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
            <bpmn:userTask id="komplettera" camunda:assignee="sokande" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "kontroll")}
            {Flow("f2", "kontroll", "end")}
            {Flow("f3", "fel", "komplettera")}
            """));
        (await h.StartAsync("p")).ActiveElements.Should().Equal("komplettera");
    }

    [Fact]
    public async Task Ett_fel_som_ingen_fangar_blir_en_incident()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:endEvent id="fel"><bpmn:errorEventDefinition errorRef="e_ofullst" /></bpmn:endEvent>
            {Flow("f1", "start", "fel")}
            """, Errors));
        var id = (await h.StartAsync("p")).InstanceId!;
        (await h.RunAsync(e => e.IncidentsAsync(id))).Single().Message.Should().Contain("OFULLSTANDIG");
    }

    [Fact]
    public async Task Terminerande_slut_avslutar_alla_grenar()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="dela" />
            <bpmn:userTask id="a" camunda:assignee="anna" />
            <bpmn:userTask id="b" camunda:assignee="anna" />
            <bpmn:endEvent id="stopp"><bpmn:terminateEventDefinition /></bpmn:endEvent>
            <bpmn:endEvent id="slut" />
            {Flow("f1", "start", "dela")}
            {Flow("f2", "dela", "a")}
            {Flow("f3", "dela", "b")}
            {Flow("f4", "a", "stopp")}
            {Flow("f5", "b", "slut")}
            """));
        var id = (await h.StartAsync("p")).InstanceId!;
        (await h.CompleteAsync(id, "a")).Status.Should().Be(InstanceStatus.Completed);
        (await h.OpenTasksAsync(id)).Should().BeEmpty();
    }

    private static string Inclusive => Process("p", $"""
        <bpmn:startEvent id="start" />
        <bpmn:inclusiveGateway id="vilka" default="ingen" />
        <bpmn:userTask id="fk" camunda:assignee="karin" />
        <bpmn:userTask id="af" camunda:assignee="ali" />
        <bpmn:userTask id="ingen_uppgift" camunda:assignee="chef" />
        <bpmn:inclusiveGateway id="samla" />
        <bpmn:userTask id="besluta" camunda:assignee="ordf" />
        {Flow("f0", "start", "vilka")}
        {Flow("till_fk", "vilka", "fk", "${medlemmar.Contains(\"FK\")}")}
        {Flow("till_af", "vilka", "af", "${medlemmar.Contains(\"AF\")}")}
        {Flow("ingen", "vilka", "ingen_uppgift")}
        {Flow("f1", "fk", "samla")}
        {Flow("f2", "af", "samla")}
        {Flow("f3", "ingen_uppgift", "samla")}
        {Flow("f4", "samla", "besluta")}
        """);

    [Fact]
    public async Task Inkluderande_gateway_tar_alla_sanna_floden_och_vantar_bara_pa_dem()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Inclusive);
        var both = (await h.StartAsync("p", new { medlemmar = new[] { "FK", "AF" } })).InstanceId!;
        (await h.OpenTasksAsync(both)).Select(t => t.ElementId).Should().BeEquivalentTo(["fk", "af"]);
        (await h.CompleteAsync(both, "fk")).ActiveElements.Should().BeEquivalentTo(["samla", "af"]);
        (await h.CompleteAsync(both, "af")).ActiveElements.Should().Equal("besluta");

        var one = (await h.StartAsync("p", new { medlemmar = new[] { "AF" } })).InstanceId!;
        (await h.CompleteAsync(one, "af")).ActiveElements.Should().Equal("besluta");
    }

    [Fact]
    public async Task Inkluderande_gateway_tar_standardflodet_nar_inget_villkor_ar_sant()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Inclusive);
        (await h.StartAsync("p", new { medlemmar = new[] { "Region" } })).ActiveElements.Should().Equal("ingen_uppgift");
    }

    [Fact]
    public async Task Underprocess_kor_sitt_inre_flode_och_gar_sedan_vidare()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="beredning">
              <bpmn:startEvent id="b_start" />
              <bpmn:userTask id="skriv" camunda:assignee="anna" />
              <bpmn:endEvent id="b_slut" />
              {Flow("b1", "b_start", "skriv")}
              {Flow("b2", "skriv", "b_slut")}
            </bpmn:subProcess>
            <bpmn:userTask id="besluta" camunda:assignee="ordf" />
            {Flow("f1", "start", "beredning")}
            {Flow("f2", "beredning", "besluta")}
            """));
        var id = (await h.StartAsync("p")).InstanceId!;
        (await h.OpenTasksAsync(id)).Single().ElementId.Should().Be("skriv");
        (await h.CompleteAsync(id, "skriv")).ActiveElements.Should().Equal("besluta");
    }

    [Fact]
    public async Task Gransttimer_pa_underprocess_avbryter_allt_inuti()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="beredning">
              <bpmn:startEvent id="b_start" />
              <bpmn:userTask id="skriv" camunda:assignee="anna" />
              <bpmn:endEvent id="b_slut" />
              {Flow("b1", "b_start", "skriv")}
              {Flow("b2", "skriv", "b_slut")}
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="for_sent" attachedToRef="beredning"><bpmn:timerEventDefinition><bpmn:timeDuration>P30D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:userTask id="eskalera" camunda:assignee="chef" />
            {Flow("f1", "start", "beredning")}
            {Flow("f3", "for_sent", "eskalera")}
            """));
        var id = (await h.StartAsync("p")).InstanceId!;
        await h.AdvanceAsync(TimeSpan.FromDays(30));
        (await h.OpenTasksAsync(id)).Single().ElementId.Should().Be("eskalera");
    }

    [Fact]
    public async Task Anropsaktivitet_kor_en_egen_instans_och_far_tillbaka_dess_variabler()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Process("yttrande", $"""
            <bpmn:startEvent id="y_start" />
            <bpmn:userTask id="skriv_yttrande" camunda:assignee="HANDL" />
            <bpmn:endEvent id="y_slut" />
            {Flow("y1", "y_start", "skriv_yttrande")}
            {Flow("y2", "skriv_yttrande", "y_slut")}
            """).Replace("HANDL", "${handlaggare}"));
        await h.DeployAsync(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:callActivity id="hamta_yttrande" calledElement="yttrande" />
            <bpmn:userTask id="las" camunda:assignee="anna" />
            {Flow("f1", "start", "hamta_yttrande")}
            {Flow("f2", "hamta_yttrande", "las")}
            """));
        var parent = await h.StartAsync("p", new { handlaggare = "karin" }, businessKey: "INS-3");
        var child = (await h.RunAsync(e => e.FindInstancesAsync("yttrande"))).Single();
        child.ParentInstanceId.Should().Be(parent.InstanceId);
        child.BusinessKey.Should().Be("INS-3");
        await h.CompleteAsync(child.Id, "skriv_yttrande", new { tillstyrker = true });

        (await h.OpenTasksAsync(parent.InstanceId!)).Single().ElementId.Should().Be("las");
        (await h.InstanceAsync(parent.InstanceId!)).Variables["tillstyrker"].Should().Be(true);
        (await h.InstanceAsync(child.Id)).Instance.Status.Should().Be(InstanceStatus.Completed);
    }

    [Fact]
    public async Task Avbruten_anropsaktivitet_avbryter_den_anropade_instansen()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Tasks("yttrande", "skriv"));
        await h.DeployAsync(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:callActivity id="hamta" calledElement="yttrande" />
            {Flow("f1", "start", "hamta")}
            """));
        var parent = (await h.StartAsync("p")).InstanceId!;
        await h.RunAsync(e => e.CancelAsync(parent, "återtagen"));
        (await h.RunAsync(e => e.FindInstancesAsync("yttrande"))).Single().Status.Should().Be(InstanceStatus.Cancelled);
    }

    private static string MultiInstance(bool sequential) => Process("p", $$"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="yttrande" camunda:candidateGroups="${medlem}">
          <bpmn:multiInstanceLoopCharacteristics isSequential="{{(sequential ? "true" : "false")}}" camunda:collection="${medlemmar}" camunda:elementVariable="medlem" />
        </bpmn:userTask>
        <bpmn:userTask id="sammanstall" camunda:assignee="anna" />
        {{Flow("f1", "start", "yttrande")}}
        {{Flow("f2", "yttrande", "sammanstall")}}
        """);

    [Fact]
    public async Task Parallell_multiinstans_ger_ett_yttrande_per_medlem_samtidigt()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(MultiInstance(false));
        var id = (await h.StartAsync("p", new { medlemmar = new[] { "fk", "af", "region" } })).InstanceId!;
        var tasks = await h.OpenTasksAsync(id);
        tasks.Select(t => t.CandidateGroupList.Single()).Should().BeEquivalentTo(["fk", "af", "region"]);
        foreach (var task in tasks.Take(2))
            await h.RunAsync(e => e.CompleteTaskAsync(new CompleteTaskCommand(task.Id, new TaskActor("x", task.CandidateGroupList.Single()))));
        (await h.OpenTasksAsync(id)).Should().ContainSingle().Which.ElementId.Should().Be("yttrande");
        var last = (await h.OpenTasksAsync(id)).Single();
        (await h.RunAsync(e => e.CompleteTaskAsync(new CompleteTaskCommand(last.Id, new TaskActor("x", last.CandidateGroupList.Single())))))
            .ActiveElements.Should().Equal("sammanstall");
    }

    [Fact]
    public async Task Sekventiell_multiinstans_tar_en_medlem_i_taget_i_ordning()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(MultiInstance(true));
        var id = (await h.StartAsync("p", new { medlemmar = new[] { "fk", "af" } })).InstanceId!;
        (await h.OpenTasksAsync(id)).Single().CandidateGroupList.Should().Equal("fk");
        await h.CompleteAsync(id, "yttrande", user: "k", groups: ["fk"]);
        (await h.OpenTasksAsync(id)).Single().CandidateGroupList.Should().Equal("af");
        (await h.CompleteAsync(id, "yttrande", user: "a", groups: ["af"])).ActiveElements.Should().Equal("sammanstall");
    }

    [Fact]
    public async Task Multiinstans_over_en_tom_samling_gar_direkt_vidare()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(MultiInstance(false));
        (await h.StartAsync("p", new { medlemmar = Array.Empty<string>() })).ActiveElements.Should().Equal("sammanstall");
    }
}
