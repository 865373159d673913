using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InsatsFlow.Data;
using InsatsFlow.Engine;
using InsatsFlow.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Web.Tests.Features.Uppgifter;

/// <summary>The inbox API on SQLite.</summary>
public sealed class UppgifterApiTests() : UppgifterApiFall(DatabaseProvider.Sqlite);

/// <summary>The inbox API on PostgreSQL: the same cases, the conflict between two decided by the server's row locks.</summary>
public sealed class UppgifterApiPaPostgresTests() : UppgifterApiFall(DatabaseProvider.Postgres);

/// <summary>The inbox API: who may see, take and complete a task, and what happens when two are first at once.</summary>
public abstract class UppgifterApiFall(DatabaseProvider databas) : IAsyncLifetime
{
    private const string Process = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="yttrandeprov" name="Yttrandeprov" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="yttra" />
            <bpmn:userTask id="yttra" name="Yttra dig" camunda:candidateGroups="beredningsgrupp" />
            <bpmn:sequenceFlow id="f2" sourceRef="yttra" targetRef="slut" />
            <bpmn:endEvent id="slut" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private readonly InsatsFlowFactory factory = new(provider: databas);
    private string taskId = "";

    public async Task InitializeAsync()
    {
        _ = factory.CreateClient();
        await using var scope = factory.Services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<ProcessEngine>();
        await engine.DeployAsync(Process, "yttrandeprov.bpmn");
        var result = await engine.StartAsync(new StartCommand("yttrandeprov") { BusinessKey = "prov-1", TenantId = await Demoforbundet.TenantAsync(scope.ServiceProvider) });
        taskId = result.OpenTaskIds.Single();
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private sealed record Uppgift(string Id, string Namn, string? Tilldelad, long Version);

    [Fact]
    public async Task Beredningsgruppen_ser_uppgiften_bland_gruppens_men_inte_sokanden()
    {
        var beredning = await factory.LoggaInAsync(Inloggning.Beredning);
        var sokande = await factory.LoggaInAsync(Inloggning.Sokande);

        (await beredning.PosterAsync<Uppgift>("/api/uppgifter/grupp")).Should().ContainSingle(u => u.Id == taskId);
        (await sokande.PosterAsync<Uppgift>("/api/uppgifter/grupp")).Should().NotContain(u => u.Id == taskId);
        (await sokande.GetAsync($"/api/uppgifter/{taskId}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Den_som_tar_uppgiften_far_den_bland_sina_och_andra_kan_inte_slutfora_den()
    {
        var forsta = await factory.LoggaInAsync(Inloggning.Beredning);
        var andra = await factory.LoggaInAsync("beredning.region@demo.insatsflow.se");

        (await forsta.PostAsync($"/api/uppgifter/{taskId}/ta", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await forsta.PosterAsync<Uppgift>("/api/uppgifter/mina")).Should().ContainSingle(u => u.Id == taskId);
        var slutfor = await andra.PostAsJsonAsync($"/api/uppgifter/{taskId}/slutfor", new { });
        slutfor.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await andra.PostAsync($"/api/uppgifter/{taskId}/slapp", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Av_tva_samtidiga_slutforanden_vinner_ett_och_det_andra_far_409()
    {
        var forsta = await factory.LoggaInAsync(Inloggning.Beredning);
        var andra = await factory.LoggaInAsync("beredning.region@demo.insatsflow.se");

        var svar = await Task.WhenAll(
            forsta.PostAsJsonAsync($"/api/uppgifter/{taskId}/slutfor", new { }),
            andra.PostAsJsonAsync($"/api/uppgifter/{taskId}/slutfor", new { }));

        svar.Select(s => s.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        var forlorare = svar.Single(s => s.StatusCode == HttpStatusCode.Conflict);
        (await forlorare.Content.ReadAsStringAsync()).Should().Contain("Någon annan hann före");
    }

    [Fact]
    public async Task En_inaktuell_version_av_uppgiften_ger_409_och_andrar_inget()
    {
        var beredning = await factory.LoggaInAsync(Inloggning.Beredning);
        var uppgift = (await beredning.GetFromJsonAsync<JsonElement>($"/api/uppgifter/{taskId}")).GetProperty("uppgift");
        var version = uppgift.GetProperty("version").GetInt64();
        await beredning.PostAsync($"/api/uppgifter/{taskId}/ta", null);

        var svar = await beredning.PostAsJsonAsync($"/api/uppgifter/{taskId}/slutfor", new { version });

        svar.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await beredning.PosterAsync<Uppgift>("/api/uppgifter/mina")).Should().ContainSingle(u => u.Id == taskId);
    }

    [Fact]
    public async Task Uppgifter_utan_formular_tar_inga_uppgifter_och_faltet_namns()
    {
        var beredning = await factory.LoggaInAsync(Inloggning.Beredning);

        var svar = await beredning.PostAsJsonAsync($"/api/uppgifter/{taskId}/slutfor", new { variabler = new { hemligt = 1 } });

        svar.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await svar.Content.ReadAsStringAsync()).Should().Contain("variabler");
        (await beredning.PosterAsync<Uppgift>("/api/uppgifter/grupp")).Should().ContainSingle(u => u.Id == taskId);
    }

    [Fact]
    public async Task En_okand_uppgift_ger_404()
    {
        var beredning = await factory.LoggaInAsync(Inloggning.Beredning);

        (await beredning.GetAsync("/api/uppgifter/finns-inte")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Utan_inloggning_svarar_inkorgen_401()
    {
        var client = factory.CreateClient();

        (await client.GetAsync("/api/uppgifter/mina")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await client.PostAsync($"/api/uppgifter/{taskId}/slutfor", JsonContent.Create(new { }))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
