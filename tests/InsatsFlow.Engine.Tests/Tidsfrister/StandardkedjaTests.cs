using InsatsFlow.Engine.Tests.Harness;
using static InsatsFlow.Engine.Tests.Harness.Bpmn;

namespace InsatsFlow.Engine.Tests.Tidsfrister;

public class StandardkedjaTests
{
    // due five working days after the start: Monday 9 March 2026, 09:00
    internal static string Yttrande(string extra = "") => Process("p", $$"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="yttrande" name="Lämna yttrande" camunda:assignee="anna" camunda:dueDate="${arbetsdagar(5)}" />
        {{extra}}
        <bpmn:endEvent id="slut" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="yttrande" />
        <bpmn:sequenceFlow id="f2" sourceRef="yttrande" targetRef="slut" />
        """);

    private static DateTimeOffset Lokal(int dag, int timme = 9) => new DateTimeOffset(2026, 3, dag, timme, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task Kedjan_paminner_fore_och_pa_fristen_och_eskalerar_sedan_till_forbundschefen_i_ordning()
    {
        using var h = FristHarness.Skapa();
        await h.DeployAsync(Yttrande());
        var id = (await h.StartAsync("p")).InstanceId!;

        (await h.KorBevakningAsync()).Should().Be(0);
        h.Clock.SetUtcNow(Lokal(5));
        (await h.KorBevakningAsync()).Should().Be(1);
        h.Clock.SetUtcNow(Lokal(9));
        (await h.KorBevakningAsync()).Should().Be(1);
        h.Clock.SetUtcNow(Lokal(11, 8));
        (await h.KorBevakningAsync()).Should().Be(0);
        h.Clock.SetUtcNow(Lokal(11));
        (await h.KorBevakningAsync()).Should().Be(1);

        (await h.PaminnelserAsync(id)).Should().Equal("paminnelse-fore", "paminnelse", "eskalering");
        (await h.UtkorgAsync()).Select(n => n.Mottagare.ToString()).Should().Equal("anna", "anna", "gruppen forbundschef");
        (await h.RunAsync(e => e.VerifyJournalAsync(id))).Intact.Should().BeTrue();
    }

    [Fact]
    public async Task Eskaleringen_till_forbundschefen_galler_instansens_forbund()
    {
        using var h = FristHarness.Skapa();
        await h.DeployAsync(Yttrande());
        var forbund = Guid.NewGuid();
        await h.StartAsync("p", new { tenantId = forbund.ToString() });

        h.Clock.SetUtcNow(Lokal(11));
        await h.KorBevakningAsync();

        var eskalering = (await h.UtkorgAsync()).Single(n => n.Mottagare.ToString() == "gruppen forbundschef");
        eskalering.ForbundId.Should().Be(forbund, "a group is resolved among the people of the instance's förbund, not of every förbund");
    }

    [Fact]
    public async Task Kedjan_stannar_nar_uppgiften_ar_slutford()
    {
        using var h = FristHarness.Skapa();
        await h.DeployAsync(Yttrande());
        var id = (await h.StartAsync("p")).InstanceId!;
        h.Clock.SetUtcNow(Lokal(5));
        await h.KorBevakningAsync();

        await h.CompleteAsync(id, "yttrande");
        h.Clock.SetUtcNow(Lokal(20));
        (await h.KorBevakningAsync()).Should().Be(0);
        (await h.PaminnelserAsync(id)).Should().Equal("paminnelse-fore");
    }

    [Fact]
    public async Task Efter_ett_driftstopp_sker_varje_forfallet_steg_exakt_en_gang()
    {
        using var h = FristHarness.Skapa();
        await h.DeployAsync(Yttrande());
        var id = (await h.StartAsync("p")).InstanceId!;
        h.Clock.SetUtcNow(Lokal(5));
        await h.KorBevakningAsync();

        h.Restart(); // down over the due date and the escalation day
        h.Clock.SetUtcNow(Lokal(16));
        (await h.KorBevakningAsync()).Should().Be(2);
        h.Restart();
        (await h.KorBevakningAsync()).Should().Be(0);

        (await h.PaminnelserAsync(id)).Should().Equal("paminnelse-fore", "paminnelse", "eskalering");
        (await h.UtkorgAsync()).Should().HaveCount(3);
    }

    [Fact]
    public async Task En_uppgift_med_egna_timrar_i_bpmn_far_ingen_standardkedja()
    {
        using var h = FristHarness.Skapa();
        await h.DeployAsync(Yttrande("""
            <bpmn:boundaryEvent id="paminnelse" attachedToRef="yttrande" cancelActivity="false">
              <bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">${arbetsdagar(5)}</bpmn:timeDate></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            """));
        var id = (await h.StartAsync("p")).InstanceId!;
        h.Clock.SetUtcNow(Lokal(20));
        (await h.KorBevakningAsync()).Should().Be(0);
        (await h.PaminnelserAsync(id)).Should().BeEmpty();
    }

    [Fact]
    public async Task En_kandidatgrupp_utan_tilldelad_far_paminnelsen()
    {
        using var h = FristHarness.Skapa();
        await h.DeployAsync(Process("p", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="bered" camunda:candidateGroups="beredningsgrupp" camunda:dueDate="${arbetsdagar(5)}" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="bered" />
            """));
        await h.StartAsync("p");
        h.Clock.SetUtcNow(Lokal(5));
        await h.KorBevakningAsync();
        (await h.UtkorgAsync()).Single().Mottagare.ToString().Should().Be("gruppen beredningsgrupp");
    }

    [Fact]
    public async Task En_uppgift_som_skapas_efter_forsta_inlasningen_far_sin_kedja()
    {
        using var h = FristHarness.Skapa();
        await h.DeployAsync(Yttrande());
        (await h.KorBevakningAsync()).Should().Be(0); // loads an empty queue

        var id = (await h.StartAsync("p")).InstanceId!;
        h.Clock.SetUtcNow(Lokal(5));
        (await h.KorBevakningAsync()).Should().Be(1);
        (await h.PaminnelserAsync(id)).Should().Equal("paminnelse-fore");
    }
}
