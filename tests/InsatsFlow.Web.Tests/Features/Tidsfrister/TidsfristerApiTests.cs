using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;
using InsatsFlow.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Web.Tests.Features.Tidsfrister;

public sealed class TidsfristerApiTests
{
    private static async Task<TaskItem> EnOppenUppgiftAsync(InsatsFlowFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var motor = scope.ServiceProvider.GetRequiredService<ProcessEngine>();
        await motor.DeployAsync(Frist, "tidsfrist-test.bpmn");
        var start = await motor.StartAsync(new StartCommand("tidsfrist-test") { UserId = "test", TenantId = await Demoforbundet.TenantAsync(scope.ServiceProvider) });
        return (await motor.FindTaskAsync(start.OpenTaskIds.Single()))!;
    }

    private static async Task<TaskItem> UppgiftenAsync(InsatsFlowFactory factory, string id)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<ProcessEngine>().FindTaskAsync(id))!;
    }

    private const string Frist = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="tidsfrist-test" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="yttrande" camunda:candidateGroups="kansli" camunda:dueDate="${arbetsdagar(10)}" />
            <bpmn:boundaryEvent id="paminnelse" attachedToRef="yttrande" cancelActivity="false">
              <bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">${arbetsdagar(10)}</bpmn:timeDate></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:manualTask id="pamint" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="yttrande" />
            <bpmn:sequenceFlow id="f2" sourceRef="paminnelse" targetRef="pamint" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static async Task<JsonElement> FelAsync(HttpResponseMessage svar) =>
        (await svar.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

    [Fact]
    public async Task En_flytt_utan_skal_svarar_400_med_faltet_skal()
    {
        await using var factory = new InsatsFlowFactory();
        var client = await factory.LoggaInAsync(Inloggning.Kansli);
        var uppgift = await EnOppenUppgiftAsync(factory);

        var svar = await client.PostAsJsonAsync($"/api/tidsfrister/uppgifter/{uppgift.Id}/flytta", new { nyttDatum = "2099-01-05", skal = "" });

        svar.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await FelAsync(svar)).TryGetProperty("skal", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Ett_datum_som_inte_gar_att_lasa_svarar_400_med_faltet_nyttDatum_och_andrar_inget()
    {
        await using var factory = new InsatsFlowFactory();
        var client = await factory.LoggaInAsync(Inloggning.Kansli);
        var uppgift = await EnOppenUppgiftAsync(factory);

        var svar = await client.PostAsJsonAsync($"/api/tidsfrister/uppgifter/{uppgift.Id}/flytta", new { nyttDatum = "31/12", skal = "Anstånd" });

        svar.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await FelAsync(svar)).TryGetProperty("nyttDatum", out _).Should().BeTrue();
        (await UppgiftenAsync(factory, uppgift.Id)).DueAt.Should().Be(uppgift.DueAt);
    }

    [Fact]
    public async Task Kansliet_flyttar_en_frist_och_journalen_far_skalet()
    {
        await using var factory = new InsatsFlowFactory();
        var client = await factory.LoggaInAsync(Inloggning.Kansli);
        var uppgift = await EnOppenUppgiftAsync(factory);

        var svar = await client.PostAsJsonAsync($"/api/tidsfrister/uppgifter/{uppgift.Id}/flytta", new { nyttDatum = "2099-01-05", skal = "Medlemmen bad om anstånd" });

        svar.StatusCode.Should().Be(HttpStatusCode.OK);
        using var scope = factory.Services.CreateScope();
        var journal = await scope.ServiceProvider.GetRequiredService<ProcessEngine>().JournalAsync(uppgift.InstanceId);
        var post = journal.Single(j => j.Event == "task-due-date-moved");
        JsonDocument.Parse(post.Payload).RootElement.GetProperty("reason").GetString().Should().Be("Medlemmen bad om anstånd");
        post.UserId.Should().Be(Inloggning.Kansli);
    }

    [Fact]
    public async Task Beredningsgruppen_far_inte_flytta_frister()
    {
        await using var factory = new InsatsFlowFactory();
        var client = await factory.LoggaInAsync(Inloggning.Beredning);

        var svar = await client.PostAsJsonAsync("/api/tidsfrister/uppgifter/x/flytta", new { nyttDatum = "2099-01-05", skal = "x" });

        svar.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Schemat_listar_processernas_vantande_timrar_med_svensk_tid()
    {
        await using var factory = new InsatsFlowFactory();
        var client = await factory.LoggaInAsync(Inloggning.Admin);
        await EnOppenUppgiftAsync(factory);

        var schema = await client.GetFromJsonAsync<JsonElement>("/api/tidsfrister/schema");

        schema.GetProperty("timrar").GetArrayLength().Should().BeGreaterThan(0);
        schema.GetProperty("timrar")[0].TryGetProperty("forfallerStockholm", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Arskalenderns_jobb_ar_schemalagda_i_quartz_nar_tjansten_startar()
    {
        await using var factory = new InsatsFlowFactory();
        var client = await factory.LoggaInAsync(Inloggning.Kansli);

        var schema = await client.GetFromJsonAsync<JsonElement>("/api/tidsfrister/schema");

        var jobb = schema.GetProperty("jobb").EnumerateArray().Select(j => j.GetProperty("namn").GetString()).ToList();
        jobb.Should().Contain(["arskalender-Budgetbrott", "arskalender-StartaBudgetprocess"]);
        jobb.Should().NotContain("fristbevakning", "deadline steps are jobs of the engine's job executor, not Quartz triggers");
    }

    [Fact]
    public async Task Adminsidan_visar_schemalaggningen_pa_svenska()
    {
        await using var factory = new InsatsFlowFactory();
        var client = await factory.LoggaInAsync(Inloggning.Admin);

        var sida = await client.GetStringAsync("/admin/schemalaggning");

        sida.Should().Contain("Schemaläggning").And.Contain("Budgeten antogs inte senast 30 november");
    }
}
