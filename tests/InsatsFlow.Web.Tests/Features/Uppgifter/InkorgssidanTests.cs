using System.Net;
using System.Text.RegularExpressions;
using InsatsFlow.Engine;
using InsatsFlow.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace InsatsFlow.Web.Tests.Features.Uppgifter;

/// <summary>The inbox page shows one page of a long list at a time, cut by the database, with the way to the next.</summary>
public sealed partial class InkorgssidanTests : IAsyncLifetime
{
    private const string Process = """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="inkorgsprov" name="Inkorgsprov" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="yttra" />
            <bpmn:userTask id="yttra" name="Yttra dig om prov" camunda:candidateGroups="beredningsgrupp" />
            <bpmn:sequenceFlow id="f2" sourceRef="yttra" targetRef="slut" />
            <bpmn:endEvent id="slut" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private readonly InsatsFlowFactory factory = new();

    public async Task InitializeAsync()
    {
        _ = factory.CreateClient();
        await using var scope = factory.Services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<ProcessEngine>();
        await engine.DeployAsync(Process, "inkorgsprov.bpmn");
        var tenant = await Demoforbundet.TenantAsync(scope.ServiceProvider);
        for (var i = 1; i <= 60; i++)
            await engine.StartAsync(new StartCommand("inkorgsprov") { BusinessKey = $"prov-{i}", TenantId = tenant });
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private static int Rader(string html, string namn) => Regex.Matches(html, Regex.Escape($">{namn}</a>")).Count;

    [Fact]
    public async Task Gruppens_uppgifter_visas_femtio_at_gangen_med_en_lank_till_nasta_sida()
    {
        var beredning = await factory.LoggaInAsync(Inloggning.Beredning);

        var forsta = WebUtility.HtmlDecode(await beredning.GetStringAsync("/uppgifter"));
        var totalt = int.Parse(AvTotalt().Match(forsta).Groups[1].Value);
        var andra = WebUtility.HtmlDecode(await beredning.GetStringAsync("/uppgifter?grupp-sida=2"));

        totalt.Should().BeGreaterThanOrEqualTo(60);
        forsta.Should().Contain($"Uppgifter som din grupp kan ta (1–50 av {totalt})").And.Contain("Nästa sida").And.Contain("grupp-sida=2");
        andra.Should().Contain($"Uppgifter som din grupp kan ta (51–{totalt} av {totalt})").And.Contain("Föregående sida");
        (Rader(forsta, "Yttra dig om prov") + Rader(andra, "Yttra dig om prov")).Should().Be(60, "each task is on exactly one of the two pages");
    }

    [Fact]
    public async Task En_sida_bortom_den_sista_visar_ingen_rad_och_inget_fel()
    {
        var beredning = await factory.LoggaInAsync(Inloggning.Beredning);

        using var svar = await beredning.GetAsync("/uppgifter?grupp-sida=2147483647&mina-sida=-4");

        svar.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await svar.Content.ReadAsStringAsync()).Should().Contain("Inga öppna uppgifter väntar på din grupp.");
    }

    [GeneratedRegex(@"Uppgifter som din grupp kan ta \(1–50 av (\d+)\)")]
    private static partial Regex AvTotalt();
}
