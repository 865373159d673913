using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InsatsFlow.Core.Incidenter;
using InsatsFlow.Core.Notifieringar;
using InsatsFlow.Data;
using InsatsFlow.Engine;
using InsatsFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Web.Tests.Features.Incidenter;

/// <summary>
/// No case stranded: a step that cannot run after a user's task stops the case in an incident. The user is told
/// their step is saved, the kansli is notified, the incident page and GET /api/incidenter list it, and a retry with
/// the missing variable moves the case on.
/// </summary>
public sealed class IncidenterTests(ApiVard vard) : IClassFixture<ApiVard>, IAsyncLifetime
{
    // The notice after the kansli's task reads {mottagarnamn}, which nobody has set: the step stops in an incident.
    private const string Process = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="incidentprov" name="Besked till sökanden" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="granska" />
            <bpmn:userTask id="granska" name="Granska ansökan" camunda:candidateGroups="kansli" />
            <bpmn:sequenceFlow id="f2" sourceRef="granska" targetRef="besked" />
            <bpmn:serviceTask id="besked" name="Skicka besked till sökanden" camunda:type="notifiera">
              <bpmn:extensionElements>
                <camunda:properties>
                  <camunda:property name="mottagare" value="grupp:kansli" />
                  <camunda:property name="amne" value="Besked" />
                  <camunda:property name="text" value="Hej {mottagarnamn}" />
                </camunda:properties>
              </bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="f3" sourceRef="besked" targetRef="arkivera" />
            <bpmn:userTask id="arkivera" name="Arkivera ärendet" camunda:candidateGroups="kansli" />
            <bpmn:sequenceFlow id="f4" sourceRef="arkivera" targetRef="slut" />
            <bpmn:endEvent id="slut" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private InsatsFlowFactory factory => vard.Factory;
    private string instans = "";
    private string uppgift = "";
    private Guid insatsId;
    private string diarienummer = "";

    public async Task InitializeAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>();
        var insats = await db.Insatser.AsNoTracking().FirstAsync(i => i.Titel == "Hälsodisken");
        (insatsId, diarienummer) = (insats.Id, insats.Diarienummer);
        var engine = scope.ServiceProvider.GetRequiredService<ProcessEngine>();
        await engine.DeployAsync(Process, "incidentprov.bpmn");
        var start = await engine.StartAsync(new StartCommand("incidentprov") { BusinessKey = insatsId.ToString(), TenantId = await Demoforbundet.TenantAsync(scope.ServiceProvider) });
        (instans, uppgift) = (start.InstanceId!, start.OpenTaskIds.Single());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private sealed record Slutford(string? InstanceId, List<string> OpenTaskIds, List<Incidentrad> Incidenter, string? Meddelande);

    private async Task<(HttpClient Kansli, Slutford Svar)> SlutforGranskningenAsync()
    {
        var kansli = await vard.SomAsync(InsatsFlow.Core.Behorighet.Roller.Kansli);
        using var svar = await kansli.PostAsJsonAsync($"/api/uppgifter/{uppgift}/slutfor", new { });
        svar.StatusCode.Should().Be(HttpStatusCode.OK, await svar.Content.ReadAsStringAsync());
        return (kansli, (await svar.Content.ReadFromJsonAsync<Slutford>())!);
    }

    [Fact]
    public async Task Den_vars_steg_stoter_pa_en_incident_far_veta_att_steget_ar_sparat_och_att_kansliet_har_fatt_besked()
    {
        var (_, svar) = await SlutforGranskningenAsync();

        svar.Incidenter.Should().ContainSingle().Which.Steg.Should().Be("Skicka besked till sökanden");
        svar.Meddelande.Should().StartWith("Ditt steg är sparat.")
            .And.Contain("Skicka besked till sökanden").And.Contain("mottagarnamn").And.Contain("Kansliet har fått besked");
    }

    [Fact]
    public async Task Incidenten_listas_med_insats_steg_svenskt_fel_och_alder()
    {
        var (kansli, _) = await SlutforGranskningenAsync();

        var lista = await kansli.PosterAsync<Incidentrad>("/api/incidenter");

        var rad = lista.Should().ContainSingle(i => i.InstansId == instans).Which;
        rad.InsatsId.Should().Be(insatsId);
        rad.Diarienummer.Should().Be(diarienummer);
        rad.Titel.Should().Be("Hälsodisken");
        rad.Steg.Should().Be("Skicka besked till sökanden");
        rad.Process.Should().Be("Besked till sökanden");
        rad.Fel.Should().Contain("variabeln mottagarnamn finns inte").And.NotContain("Exception");
        rad.Alder.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Kansliet_far_en_notifiering_genom_utkorgen_nar_incidenten_uppstar()
    {
        var (_, svar) = await SlutforGranskningenAsync();
        var incident = svar.Incidenter.Single();

        await using var scope = factory.Services.CreateAsyncScope();
        var notifieringar = await scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>().Set<Notifiering>().AsNoTracking()
            .Where(n => n.Dedupliceringsnyckel == Incidentavisering.Nyckel(incident.Id)).ToListAsync();

        var notis = notifieringar.Should().ContainSingle().Which;
        notis.Mottagare.Should().Be(Mottagare.Grupp("kansli"));
        notis.Amne.Should().Contain("Skicka besked till sökanden").And.Contain(diarienummer);
        notis.Innehall.Should().Contain("/incidenter");
    }

    [Fact]
    public async Task Bevakningen_meddelar_varje_incident_en_gang()
    {
        var (_, svar) = await SlutforGranskningenAsync();

        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Incidentavisering>().NotifieraOppnaAsync(CancellationToken.None);

        await using var las = factory.Services.CreateAsyncScope();
        (await las.ServiceProvider.GetRequiredService<InsatsFlowDbContext>().Set<Notifiering>()
            .CountAsync(n => n.Dedupliceringsnyckel == Incidentavisering.Nyckel(svar.Incidenter.Single().Id))).Should().Be(1);
    }

    [Fact]
    public async Task Incidentsidan_visar_incidenten_for_kansliet()
    {
        var (kansli, _) = await SlutforGranskningenAsync();

        var sida = WebUtility.HtmlDecode(await kansli.GetStringAsync("/incidenter"));

        sida.Should().Contain("Skicka besked till sökanden").And.Contain($"{diarienummer} Hälsodisken").And.Contain("variabeln mottagarnamn finns inte");
    }

    [Fact]
    public async Task Oversikten_raknar_oppna_incidenter_for_kansliet()
    {
        var (kansli, _) = await SlutforGranskningenAsync();

        var antal = (await kansli.PosterAsync<Incidentrad>("/api/incidenter"))!.Count;

        var sida = WebUtility.HtmlDecode(await kansli.GetStringAsync("/"));

        sida.Should().Contain(antal == 1 ? "1 öppen incident" : $"{antal} öppna incidenter").And.Contain("href=\"/incidenter\"");
    }

    [Fact]
    public async Task Ett_nytt_forsok_med_den_saknade_variabeln_flyttar_arendet_vidare()
    {
        var (kansli, svar) = await SlutforGranskningenAsync();
        var incident = svar.Incidenter.Single();

        using var forsok = await kansli.PostAsJsonAsync($"/api/incidenter/{incident.Id}/forsok-igen", new { variabler = new { mottagarnamn = "Karin" } });

        forsok.StatusCode.Should().Be(HttpStatusCode.OK, await forsok.Content.ReadAsStringAsync());
        (await kansli.PosterAsync<Incidentrad>("/api/incidenter")).Should().NotContain(i => i.InstansId == instans);
        await using var scope = factory.Services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<ProcessEngine>();
        (await engine.TasksOfInstanceAsync(instans)).Should().ContainSingle(t => t.ElementId == "arkivera");
        (await engine.JournalAsync(instans)).Should().Contain(j => j.Event == "incident-resolved" && j.UserId == Inloggning.Kansli && j.Payload!.Contains("Karin"));
    }

    [Fact]
    public async Task Ett_nytt_forsok_utan_rattelse_oppnar_en_ny_incident_och_kansliet_far_besked_igen()
    {
        var (kansli, svar) = await SlutforGranskningenAsync();

        using var forsok = await kansli.PostAsync($"/api/incidenter/{svar.Incidenter.Single().Id}/forsok-igen", null);

        forsok.StatusCode.Should().Be(HttpStatusCode.OK);
        var atgard = await forsok.Content.ReadFromJsonAsync<JsonElement>();
        var ny = atgard.GetProperty("nyaIncidenter").EnumerateArray().Should().ContainSingle().Which.GetProperty("id").GetString();
        await using var scope = factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<InsatsFlowDbContext>().Set<Notifiering>()
            .CountAsync(n => n.Dedupliceringsnyckel == Incidentavisering.Nyckel(ny!))).Should().Be(1);
    }

    [Fact]
    public async Task Arendet_avbryts_med_ett_skal_som_journalfors()
    {
        var (kansli, svar) = await SlutforGranskningenAsync();

        using var avbryt = await kansli.PostAsJsonAsync($"/api/incidenter/{svar.Incidenter.Single().Id}/avbryt", new { skal = "Sökanden har dragit tillbaka ansökan." });

        avbryt.StatusCode.Should().Be(HttpStatusCode.OK, await avbryt.Content.ReadAsStringAsync());
        (await kansli.PosterAsync<Incidentrad>("/api/incidenter")).Should().NotContain(i => i.InstansId == instans);
        await using var scope = factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<ProcessEngine>().JournalAsync(instans))
            .Should().Contain(j => j.Event == "instance-cancelled" && j.Payload!.Contains("dragit tillbaka"));
    }

    [Fact]
    public async Task Att_avbryta_utan_skal_avvisas_och_andrar_inget()
    {
        var (kansli, svar) = await SlutforGranskningenAsync();

        using var avbryt = await kansli.PostAsJsonAsync($"/api/incidenter/{svar.Incidenter.Single().Id}/avbryt", new { skal = " " });

        avbryt.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await avbryt.Content.ReadAsStringAsync()).Should().Contain("skal");
        (await kansli.PosterAsync<Incidentrad>("/api/incidenter")).Should().Contain(i => i.InstansId == instans);
    }
}
