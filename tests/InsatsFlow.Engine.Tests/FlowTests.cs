using InsatsFlow.Engine.Store;
using InsatsFlow.Engine.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using static InsatsFlow.Engine.Tests.Harness.Bpmn;

namespace InsatsFlow.Engine.Tests;

public class FlowTests
{
    [Fact]
    public async Task Anvandaruppgift_vantar_tills_den_slutfors_och_sedan_ar_instansen_klar()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Tasks("p", "granska"));
        var started = await h.StartAsync("p", businessKey: "INS-1");
        started.ActiveElements.Should().Equal("granska");
        var task = await h.TaskAsync(started.InstanceId!, "granska");
        task.Should().Match<TaskItem>(t => t.Assignee == "anna" && t.BusinessKey == "INS-1" && t.Name == "granska");

        var done = await h.CompleteAsync(started.InstanceId!, "granska", new { ok = true });
        done.Status.Should().Be(InstanceStatus.Completed);
        (await h.PathAsync(started.InstanceId!)).Should().Equal("start", "granska", "end");
        (await h.InstanceAsync(started.InstanceId!)).Variables["ok"].Should().Be(true);
    }

    private static string Exclusive => Process("p", $"""
        <bpmn:startEvent id="start" />
        <bpmn:exclusiveGateway id="gw" default="liten" />
        <bpmn:userTask id="styrelsen" camunda:assignee="ordf" />
        <bpmn:userTask id="kansliet" camunda:assignee="chef" />
        <bpmn:endEvent id="end" />
        {Flow("f1", "start", "gw")}
        {Flow("stor", "gw", "styrelsen", "${belopp > 100000}")}
        {Flow("liten", "gw", "kansliet")}
        {Flow("f2", "styrelsen", "end")}
        {Flow("f3", "kansliet", "end")}
        """);

    [Fact]
    public async Task Exklusiv_gateway_foljer_villkoret_som_ar_sant()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Exclusive);
        (await h.StartAsync("p", new { belopp = 250000 })).ActiveElements.Should().Equal("styrelsen");
    }

    [Fact]
    public async Task Exklusiv_gateway_tar_standardflodet_nar_inget_villkor_ar_sant()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Exclusive);
        (await h.StartAsync("p", new { belopp = 5000.50m })).ActiveElements.Should().Equal("kansliet");
    }

    [Fact]
    public async Task Variabel_av_fel_typ_ger_ett_fel_som_namnger_variabeln_och_ingen_instans()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Exclusive);
        var act = () => h.StartAsync("p", new { belopp = "mycket" });
        (await act.Should().ThrowAsync<EngineValidationException>()).WithMessage("*belopp*");
        (await h.RunAsync(e => e.FindInstancesAsync("p"))).Should().BeEmpty();
    }

    [Fact]
    public async Task Exklusiv_gateway_utan_sant_villkor_och_utan_standardflode_blir_en_incident()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="gw" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "gw")}
            {Flow("ja", "gw", "end", "${klar}")}
            """));
        var started = await h.StartAsync("p", new { klar = false });
        var incident = (await h.RunAsync(e => e.IncidentsAsync(started.InstanceId))).Single();
        incident.ElementId.Should().Be("gw");
        incident.Message.Should().Contain("standardflöde");
    }

    [Fact]
    public async Task Parallell_gateway_delar_och_vantar_in_alla_grenar()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="dela" />
            <bpmn:userTask id="fk" camunda:candidateGroups="fk" />
            <bpmn:userTask id="af" camunda:candidateGroups="af" />
            <bpmn:parallelGateway id="samla" />
            <bpmn:userTask id="beslut" camunda:assignee="ordf" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "dela")}
            {Flow("f2", "dela", "fk")}
            {Flow("f3", "dela", "af")}
            {Flow("f4", "fk", "samla")}
            {Flow("f5", "af", "samla")}
            {Flow("f6", "samla", "beslut")}
            {Flow("f7", "beslut", "end")}
            """));
        var id = (await h.StartAsync("p")).InstanceId!;
        (await h.OpenTasksAsync(id)).Select(t => t.ElementId).Should().BeEquivalentTo(["fk", "af"]);
        (await h.CompleteAsync(id, "fk", user: "karin", groups: ["fk"])).ActiveElements.Should().BeEquivalentTo(["samla", "af"]);
        (await h.CompleteAsync(id, "af", user: "ali", groups: ["af"])).ActiveElements.Should().Equal("beslut");
    }

    private sealed class Berakna : IServiceTaskHandler
    {
        public string Name => "berakna";

        public Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, object?>?>(new Dictionary<string, object?>
            {
                ["summa"] = (long)context.Variables["a"]! + (long)context.Variables["b"]!,
                ["nyckel"] = context.BusinessKey,
            });
    }

    [Fact]
    public async Task Tjanstuppgift_anropar_hanteraren_med_namnet_och_sparar_resultatet()
    {
        using var h = new EngineHarness(services => services.AddScoped<IServiceTaskHandler, Berakna>());
        await h.DeployAsync(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="rakna" camunda:type="berakna" />
            <bpmn:sendTask id="skicka" />
            <bpmn:manualTask id="arkivera" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "rakna")}
            {Flow("f2", "rakna", "skicka")}
            {Flow("f3", "skicka", "arkivera")}
            {Flow("f4", "arkivera", "end")}
            """));
        var result = await h.StartAsync("p", new { a = 2, b = 40 }, businessKey: "K");
        result.Status.Should().Be(InstanceStatus.Completed);
        var variables = (await h.InstanceAsync(result.InstanceId!)).Variables;
        variables["summa"].Should().Be(42L);
        variables["nyckel"].Should().Be("K");
        (await h.PathAsync(result.InstanceId!)).Should().Equal("start", "rakna", "skicka", "arkivera", "end");
    }

    [Fact]
    public async Task Tilldelning_och_forfallodag_kan_vara_uttryck()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Process("p", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="t" camunda:assignee="${handlaggare}" camunda:candidateGroups="${grupper}" camunda:dueDate="${workingDays(10)}" camunda:formKey="form-t" />
            <bpmn:endEvent id="end" />
            {{Flow("f1", "start", "t")}}
            {{Flow("f2", "t", "end")}}
            """));
        var id = (await h.StartAsync("p", new { handlaggare = "eva", grupper = new[] { "fk", "af" } })).InstanceId!;
        var task = await h.TaskAsync(id, "t");
        task.Assignee.Should().Be("eva");
        task.CandidateGroupList.Should().Equal("fk", "af");
        task.FormKey.Should().Be("form-t");
        task.DueAt!.Value.UtcDateTime.Date.Should().Be(new DateTime(2026, 3, 12));
    }

    [Fact]
    public async Task Ett_varktyg_kan_erbjuda_egna_funktioner_vid_namn()
    {
        using var h = new EngineHarness(engine: o => o.UseFunctions<ProvFunktioner>());
        await h.DeployAsync(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="gw" default="nej" />
            <bpmn:userTask id="ja_uppgift" camunda:assignee="a" />
            <bpmn:userTask id="nej_uppgift" camunda:assignee="a" />
            {Flow("f1", "start", "gw")}
            {Flow("ja", "gw", "ja_uppgift", "${dubbla(belopp) > 10 && idag().Year == 2026}")}
            {Flow("nej", "gw", "nej_uppgift")}
            """));
        (await h.StartAsync("p", new { belopp = 6 })).ActiveElements.Should().Equal("ja_uppgift");
        (await h.StartAsync("p", new { belopp = 4 })).ActiveElements.Should().Equal("nej_uppgift");
    }
}

public class ProvFunktioner : Expressions.ExpressionFunctions
{
    public long dubbla(long x) => x * 2;

    public DateOnly idag() => Today;
}
