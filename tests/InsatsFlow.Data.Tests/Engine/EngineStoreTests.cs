using InsatsFlow.Data.Tests.Support;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;
using Microsoft.Extensions.DependencyInjection;
using static InsatsFlow.Engine.Tests.Harness.Bpmn;

namespace InsatsFlow.Data.Tests.Engine;

/// <summary>The engine's EF store on each provider: what a command writes is what the next command reads.</summary>
public sealed class EngineStoreTests
{
    private static readonly TaskActor Anna = new("anna", []);

    private static string Timer(string duration) => Process("p", $"""
        <bpmn:startEvent id="start" />
        <bpmn:intermediateCatchEvent id="vanta"><bpmn:timerEventDefinition><bpmn:timeDuration>{duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:userTask id="a" camunda:assignee="anna" />
        {Flow("f1", "start", "vanta")}
        {Flow("f2", "vanta", "a")}
        """);

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task En_instans_gar_genom_sina_uppgifter_och_journalens_hashkedja_haller_efter_lasning(DatabaseProvider databas)
    {
        await using var h = await EngineOnDatabase.CreateAsync(databas);
        await h.RunAsync(e => e.DeployAsync(Tasks("p", "a", "b")));
        var id = (await h.RunAsync(e => e.StartAsync(new StartCommand("p") { BusinessKey = "SF 2026/014", UserId = "anna" }))).InstanceId!;

        foreach (var element in new[] { "a", "b" })
        {
            h.Clock.Advance(TimeSpan.FromTicks(10_000_001));
            var task = (await h.RunAsync(e => e.TasksOfInstanceAsync(id))).Single(t => t.ElementId == element);
            await h.RunAsync(e => e.CompleteTaskAsync(new CompleteTaskCommand(task.Id, Anna) { Variables = new Dictionary<string, object?> { [element] = 1.5m } }));
        }

        var view = await h.RunAsync(e => e.GetInstanceAsync(id));
        view.Instance.Status.Should().Be(InstanceStatus.Completed);
        view.Instance.BusinessKey.Should().Be("SF 2026/014");
        (await h.RunAsync(e => e.JournalAsync(id))).Where(j => j.Event == "element-entered").Select(j => j.ElementId)
            .Should().Equal("start", "a", "b", "end");
        (await h.RunAsync(e => e.VerifyJournalAsync(id))).Intact.Should().BeTrue();
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Av_tva_som_slutfor_samma_uppgift_vinner_en_och_den_andra_far_en_konflikt(DatabaseProvider databas)
    {
        await using var h = await EngineOnDatabase.CreateAsync(databas);
        await h.RunAsync(e => e.DeployAsync(Tasks("p", "a", "b")));
        var id = (await h.RunAsync(e => e.StartAsync(new StartCommand("p")))).InstanceId!;
        var task = (await h.RunAsync(e => e.TasksOfInstanceAsync(id))).Single();

        await using var slow = h.Services.CreateAsyncScope();
        var slowEngine = slow.ServiceProvider.GetRequiredService<ProcessEngine>();
        await slowEngine.GetInstanceAsync(id); // read before the fast one commits
        await slowEngine.FindTaskAsync(task.Id);
        await h.RunAsync(e => e.CompleteTaskAsync(new CompleteTaskCommand(task.Id, Anna)));

        var act = () => slowEngine.CompleteTaskAsync(new CompleteTaskCommand(task.Id, Anna));
        await act.Should().ThrowAsync<EngineConflictException>();
        (await h.RunAsync(e => e.TasksOfInstanceAsync(id))).Single().ElementId.Should().Be("b");
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Samma_idempotensnyckel_ger_forsta_resultatet_och_startar_inget_nytt(DatabaseProvider databas)
    {
        await using var h = await EngineOnDatabase.CreateAsync(databas);
        await h.RunAsync(e => e.DeployAsync(Tasks("p", "a")));

        var first = await h.RunAsync(e => e.StartAsync(new StartCommand("p") { IdempotencyKey = "req-1", UserId = "anna" }));
        var again = await h.RunAsync(e => e.StartAsync(new StartCommand("p") { IdempotencyKey = "req-1", UserId = "anna" }));

        again.InstanceId.Should().Be(first.InstanceId);
        again.AlreadyDone.Should().BeTrue();
        (await h.RunAsync(e => e.FindInstancesAsync("p"))).Should().ContainSingle();
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Bara_timrar_som_har_fallit_ut_avfyras_och_var_och_en_en_gang(DatabaseProvider databas)
    {
        await using var h = await EngineOnDatabase.CreateAsync(databas);
        await h.RunAsync(e => e.DeployAsync(Timer("PT1H")));
        var id = (await h.RunAsync(e => e.StartAsync(new StartCommand("p")))).InstanceId!;
        var due = (await h.RunAsync(e => e.PendingTimersAsync(id))).Single().DueAt;
        due.Should().Be(h.Clock.GetUtcNow().AddHours(1));

        h.Clock.Advance(TimeSpan.FromMinutes(59));
        (await h.RunAsync(e => e.FireDueTimersAsync())).Should().Be(0);
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        (await h.RunAsync(e => e.FireDueTimersAsync())).Should().Be(1);
        (await h.RunAsync(e => e.FireDueTimersAsync())).Should().Be(0);

        (await h.RunAsync(e => e.TasksOfInstanceAsync(id))).Should().ContainSingle().Which.ElementId.Should().Be("a");
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Ett_meddelande_nar_bara_instansen_med_affarsnyckeln(DatabaseProvider databas)
    {
        await using var h = await EngineOnDatabase.CreateAsync(databas);
        await h.RunAsync(e => e.DeployAsync(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="vanta"><bpmn:messageEventDefinition messageRef="m_svar" /></bpmn:intermediateCatchEvent>
            <bpmn:userTask id="las" camunda:assignee="anna" />
            {Flow("f1", "start", "vanta")}
            {Flow("f2", "vanta", "las")}
            """, """<bpmn:message id="m_svar" name="svar" />""")));
        var a = (await h.RunAsync(e => e.StartAsync(new StartCommand("p") { BusinessKey = "A" }))).InstanceId!;
        var b = (await h.RunAsync(e => e.StartAsync(new StartCommand("p") { BusinessKey = "B" }))).InstanceId!;

        var result = await h.RunAsync(e => e.CorrelateMessageAsync(new CorrelateMessageCommand("svar", "B")
        {
            Variables = new Dictionary<string, object?> { ["text"] = "ja, för två år" },
        }));

        result.InstanceId.Should().Be(b);
        (await h.RunAsync(e => e.TasksOfInstanceAsync(b))).Should().ContainSingle();
        (await h.RunAsync(e => e.TasksOfInstanceAsync(a))).Should().BeEmpty();
        (await h.RunAsync(e => e.GetInstanceAsync(b))).Variables["text"].Should().Be("ja, för två år");
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Inkorgens_sida_raknas_sorteras_och_delas_av_databasen_och_en_tagen_uppgift_flyttar_till_den_som_tog_den(DatabaseProvider databas)
    {
        await using var h = await EngineOnDatabase.CreateAsync(databas);
        await h.RunAsync(e => e.DeployAsync(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="yttra" camunda:candidateGroups="fk" />
            {Flow("f1", "start", "yttra")}
            """)));
        var nycklar = new[] { "A", "B", "C", "D", "E" };
        foreach (var nyckel in nycklar)
        {
            h.Clock.Advance(TimeSpan.FromMinutes(1));
            await h.RunAsync(e => e.StartAsync(new StartCommand("p") { BusinessKey = nyckel }));
        }
        var fk = new TaskCandidates([], ["fk"]);

        var sida = await h.RunAsync(e => e.TaskPageAsync(new TaskPageQuery(OpenTo: fk, OrderBy: TaskOrder.CreatedAt, Skip: 2, Take: 2)));
        sida.Total.Should().Be(5);
        sida.Items.Select(t => t.BusinessKey).Should().Equal("C", "D");
        (await h.RunAsync(e => e.TaskPageAsync(new TaskPageQuery(OpenTo: fk, OrderBy: TaskOrder.CreatedAt, Descending: true, Take: 1))))
            .Items.Single().BusinessKey.Should().Be("E");
        (await h.RunAsync(e => e.TaskPageAsync(new TaskPageQuery(OpenTo: new TaskCandidates(["fk"], ["af"]))))).Total.Should().Be(0, "a user and a group of the same name are not the same candidate");

        var tagen = sida.Items[0];
        await h.RunAsync(e => e.ClaimAsync(tagen.Id, new TaskActor("eva", ["fk"])));
        (await h.RunAsync(e => e.TaskPageAsync(new TaskPageQuery(OpenTo: fk)))).Total.Should().Be(4);
        (await h.RunAsync(e => e.TaskPageAsync(new TaskPageQuery(Assignee: "eva")))).Items.Single().Id.Should().Be(tagen.Id);
        (await h.RunAsync(e => e.TaskPageAsync(new TaskPageQuery(Assignee: "eva", OpenTo: fk)))).Total.Should().Be(5, "hers and the group's together");

        await h.RunAsync(e => e.CompleteTaskAsync(new CompleteTaskCommand(tagen.Id, new TaskActor("eva", ["fk"]))));
        (await h.RunAsync(e => e.TaskPageAsync(new TaskPageQuery(Assignee: "eva", OpenTo: fk, BusinessKey: "C")))).Total.Should().Be(0);
        using var scope = h.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<InsatsFlow.Data.InsatsFlowDbContext>().Set<TaskCandidate>().Count()
            .Should().Be(4, "only open tasks keep their candidate rows");
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task En_grupp_som_bara_galler_vissa_arenden_ger_bara_deras_uppgifter(DatabaseProvider databas)
    {
        await using var h = await EngineOnDatabase.CreateAsync(databas);
        await h.RunAsync(e => e.DeployAsync(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="komplettera" camunda:candidateGroups="sokande" />
            {Flow("f1", "start", "komplettera")}
            """)));
        foreach (var nyckel in new[] { "A", "B" }) await h.RunAsync(e => e.StartAsync(new StartCommand("p") { BusinessKey = nyckel }));

        var sida = await h.RunAsync(e => e.TaskPageAsync(new TaskPageQuery(OpenTo: new TaskCandidates(["sara"], [], ["sokande"], ["B"]))));

        sida.Items.Select(t => t.BusinessKey).Should().Equal("B");
        sida.Total.Should().Be(1);
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task En_uppgift_for_en_grupp_syns_i_gruppens_inkorg_och_inte_i_andras(DatabaseProvider databas)
    {
        await using var h = await EngineOnDatabase.CreateAsync(databas);
        await h.RunAsync(e => e.DeployAsync(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="yttra" camunda:candidateGroups="fk, af" camunda:candidateUsers="chef" />
            {Flow("f1", "start", "yttra")}
            """)));
        await h.RunAsync(e => e.StartAsync(new StartCommand("p")));

        (await h.RunAsync(e => e.TasksOpenToAsync(new TaskActor("eva", ["af"])))).Should().ContainSingle();
        (await h.RunAsync(e => e.TasksOpenToAsync(new TaskActor("chef", [])))).Should().ContainSingle();
        (await h.RunAsync(e => e.TasksOpenToAsync(new TaskActor("olle", ["region", "FK"])))).Should().BeEmpty("group names are compared exactly, on every provider");
    }

    private sealed class Trasig : IServiceTaskHandler
    {
        public string Name => "trasig";

        public Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken) =>
            throw new TimeoutException("mottagaren svarar inte");
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task En_fallerande_tjanst_blir_en_incident_som_finns_kvar_efter_lasning(DatabaseProvider databas)
    {
        await using var h = await EngineOnDatabase.CreateAsync(databas, s => s.AddScoped<IServiceTaskHandler, Trasig>());
        await h.RunAsync(e => e.DeployAsync(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="skicka" camunda:type="trasig" />
            <bpmn:endEvent id="slut" />
            {Flow("f1", "start", "skicka")}
            {Flow("f2", "skicka", "slut")}
            """)));
        var id = (await h.RunAsync(e => e.StartAsync(new StartCommand("p")))).InstanceId!;

        var incident = (await h.RunAsync(e => e.IncidentsAsync(id))).Should().ContainSingle().Subject;
        incident.ElementId.Should().Be("skicka");
        (await h.RunAsync(e => e.GetInstanceAsync(id))).Instance.Status.Should().NotBe(InstanceStatus.Completed);
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Samma_innehall_behaller_versionen_och_nytt_innehall_blir_nasta_version(DatabaseProvider databas)
    {
        await using var h = await EngineOnDatabase.CreateAsync(databas);
        var v1 = await h.RunAsync(e => e.DeployAsync(Tasks("p", "a")));
        var same = await h.RunAsync(e => e.DeployAsync(Tasks("p", "a")));
        var v2 = await h.RunAsync(e => e.DeployAsync(Tasks("p", "a", "b")));

        same.Definitions.Single().IsNew.Should().BeFalse();
        v1.Definitions.Single().Version.Should().Be(1);
        v2.Definitions.Single().Version.Should().Be(2);
    }
}
