using InsatsFlow.Data.Tests.Support;
using InsatsFlow.Data;
using InsatsFlow.Engine.Store;
using InsatsFlow.Engine.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static InsatsFlow.Engine.Tests.Harness.Bpmn;

namespace InsatsFlow.Engine.Tests;

public class CommandTests
{
    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Av_tva_som_slutfor_samma_uppgift_vinner_en_och_den_andra_far_en_konflikt(DatabaseProvider databas)
    {
        using var h = new EngineHarness(provider: databas);
        await h.DeployAsync(Tasks("p", "a", "b"));
        var id = (await h.StartAsync("p")).InstanceId!;
        var task = await h.TaskAsync(id, "a");

        // both at once: each command reads on its own unit, so the loser meets either the winner's commit or its row version
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            try { await h.RunAsync(e => e.CompleteTaskAsync(new CompleteTaskCommand(task.Id, new TaskActor("anna")))); return null; }
            catch (EngineConflictException e) { return e; }
        })));
        outcomes.Should().ContainSingle(o => o == null);
        outcomes.Single(o => o != null)!.Message.Should().Match(m => m.Contains("hann före") || m.Contains("redan slutförd"));

        (await h.OpenTasksAsync(id)).Single().ElementId.Should().Be("b");
        (await h.PathAsync(id)).Should().Equal("start", "a", "b");
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task En_redan_slutford_uppgift_ger_en_tydlig_konflikt(DatabaseProvider databas)
    {
        using var h = new EngineHarness(provider: databas);
        await h.DeployAsync(Tasks("p", "a", "b"));
        var id = (await h.StartAsync("p")).InstanceId!;
        var task = await h.TaskAsync(id, "a");
        await h.RunAsync(e => e.CompleteTaskAsync(new CompleteTaskCommand(task.Id, new TaskActor("anna"))));
        var act = () => h.RunAsync(e => e.CompleteTaskAsync(new CompleteTaskCommand(task.Id, new TaskActor("anna"))));
        (await act.Should().ThrowAsync<EngineConflictException>()).WithMessage("*redan slutförd av anna*");
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Samma_idempotensnyckel_ger_forsta_resultatet_utan_att_gora_nagot_tva_ganger(DatabaseProvider databas)
    {
        using var h = new EngineHarness(provider: databas);
        await h.DeployAsync(Tasks("p", "a", "b"));
        var first = await h.StartAsync("p", idempotencyKey: "req-1");
        var again = await h.StartAsync("p", idempotencyKey: "req-1");
        again.InstanceId.Should().Be(first.InstanceId);
        again.AlreadyDone.Should().BeTrue();
        (await h.RunAsync(e => e.FindInstancesAsync("p"))).Should().ContainSingle();

        var done = await h.CompleteAsync(first.InstanceId!, "a", idempotencyKey: "req-2");
        var task = (await h.RunAsync(e => e.TasksOfInstanceAsync(first.InstanceId!, openOnly: false))).Single(t => t.ElementId == "a");
        var repeat = await h.RunAsync(e => e.CompleteTaskAsync(new CompleteTaskCommand(task.Id, new TaskActor("anna")) { IdempotencyKey = "req-2" }));
        repeat.OpenTaskIds.Should().Equal(done.OpenTaskIds);
        (await h.PathAsync(first.InstanceId!)).Should().Equal("start", "a", "b");
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Samma_begaran_skickad_tva_ganger_samtidigt_startar_en_instans(DatabaseProvider databas)
    {
        using var h = new EngineHarness(provider: databas);
        await h.DeployAsync(Tasks("p", "a"));
        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => h.StartAsync("p", idempotencyKey: "samma"))));
        results.Select(r => r.InstanceId).Distinct().Should().ContainSingle();
        (await h.RunAsync(e => e.FindInstancesAsync("p"))).Should().ContainSingle();
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Den_som_inte_ar_tilldelad_kan_inte_slutfora_och_inget_andras(DatabaseProvider databas)
    {
        using var h = new EngineHarness(provider: databas);
        await h.DeployAsync(Tasks("p", "a"));
        var id = (await h.StartAsync("p")).InstanceId!;
        var before = (await h.InstanceAsync(id)).Instance.Version;
        var act = () => h.CompleteAsync(id, "a", user: "bertil");
        (await act.Should().ThrowAsync<EngineValidationException>()).WithMessage("*tilldelad anna, inte bertil*");
        (await h.InstanceAsync(id)).Instance.Version.Should().Be(before);
        (await h.TaskAsync(id, "a")).State.Should().Be(TaskState.Open);
    }

    private static string GroupTask => Process("p", $"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="yttra" camunda:candidateGroups="fk, af" camunda:candidateUsers="chef" />
        <bpmn:endEvent id="end" />
        {Flow("f1", "start", "yttra")}
        {Flow("f2", "yttra", "end")}
        """);

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Uppgift_for_grupper_syns_for_gruppen_tills_nagon_tar_den(DatabaseProvider databas)
    {
        using var h = new EngineHarness(provider: databas);
        await h.DeployAsync(GroupTask);
        var id = (await h.StartAsync("p")).InstanceId!;
        var karin = new TaskActor("karin", "fk");
        (await h.RunAsync(e => e.TasksOpenToAsync(karin))).Should().ContainSingle();
        (await h.RunAsync(e => e.TasksOpenToAsync(new TaskActor("chef")))).Should().ContainSingle();
        (await h.RunAsync(e => e.TasksOpenToAsync(new TaskActor("olle", "region")))).Should().BeEmpty();

        var task = await h.TaskAsync(id, "yttra");
        await h.RunAsync(e => e.ClaimAsync(task.Id, karin));
        (await h.RunAsync(e => e.TasksAssignedToAsync("karin"))).Should().ContainSingle();
        (await h.RunAsync(e => e.TasksOpenToAsync(new TaskActor("ali", "af")))).Should().BeEmpty();

        await h.RunAsync(e => e.UnclaimAsync(task.Id, karin));
        (await h.RunAsync(e => e.TasksOpenToAsync(new TaskActor("ali", "af")))).Should().ContainSingle();
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Den_som_inte_tillhor_nagon_kandidatgrupp_kan_inte_ta_uppgiften(DatabaseProvider databas)
    {
        using var h = new EngineHarness(provider: databas);
        await h.DeployAsync(GroupTask);
        var id = (await h.StartAsync("p")).InstanceId!;
        var task = await h.TaskAsync(id, "yttra");
        var act = () => h.RunAsync(e => e.ClaimAsync(task.Id, new TaskActor("olle", "region")));
        (await act.Should().ThrowAsync<EngineValidationException>()).WithMessage("*olle*fk, af*");
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task En_tagen_uppgift_kan_inte_tas_av_nagon_annan(DatabaseProvider databas)
    {
        using var h = new EngineHarness(provider: databas);
        await h.DeployAsync(GroupTask);
        var id = (await h.StartAsync("p")).InstanceId!;
        var task = await h.TaskAsync(id, "yttra");
        await h.RunAsync(e => e.ClaimAsync(task.Id, new TaskActor("karin", "fk")));
        var act = () => h.RunAsync(e => e.ClaimAsync(task.Id, new TaskActor("ali", "af")));
        (await act.Should().ThrowAsync<EngineConflictException>()).WithMessage("*redan tagen av karin*");
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Avbruten_instans_avbryter_sina_uppgifter(DatabaseProvider databas)
    {
        using var h = new EngineHarness(provider: databas);
        await h.DeployAsync(Tasks("p", "a"));
        var id = (await h.StartAsync("p")).InstanceId!;
        var result = await h.RunAsync(e => e.CancelAsync(id, "återtagen", "chef"));
        result.Status.Should().Be(InstanceStatus.Cancelled);
        (await h.OpenTasksAsync(id)).Should().BeEmpty();
        (await h.EventsAsync(id)).Should().Contain("instance-cancelled");
    }

    private sealed class SparaRad : IServiceTaskHandler
    {
        private readonly InsatsFlowDbContext db;
        public SparaRad(InsatsFlowDbContext db) => this.db = db;
        public string Name => "spara";

        public Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            // a handler's own row, on its step's context: here an idempotency row stands in for a domain table
            db.Set<IdempotencyRecord>().Add(new IdempotencyRecord
            {
                Id = "handler-" + context.ProcessInstanceId, Key = "handler-" + context.ProcessInstanceId, Command = "x", ArgumentsHash = "", ResultJson = "{}",
            });
            if (context.Variables.ContainsKey("fel")) throw new InvalidOperationException("trasig");
            return Task.FromResult<IReadOnlyDictionary<string, object?>?>(null);
        }
    }

    private static string SaveFlow => Process("p", $"""
        <bpmn:startEvent id="start" />
        <bpmn:serviceTask id="spara" camunda:delegateExpression="DELEG" />
        <bpmn:userTask id="a" camunda:assignee="anna" />
        {Flow("f1", "start", "spara")}
        {Flow("f2", "spara", "a")}
        """);

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task Hanterarens_egna_andringar_sparas_i_samma_transaktion_som_motorns(DatabaseProvider databas)
    {
        using var h = new EngineHarness(s => s.AddScoped<IServiceTaskHandler, SparaRad>(), provider: databas);
        await h.DeployAsync(SaveFlow.Replace("DELEG", "${spara}"));
        var id = (await h.StartAsync("p")).InstanceId!;
        (await h.WithDbAsync(db => db.Set<IdempotencyRecord>().AnyAsync(r => r.Id == "handler-" + id))).Should().BeTrue();
    }

    [Theory, MemberData(nameof(Databaser.Alla), MemberType = typeof(Databaser))]
    public async Task En_hanterare_som_fallerar_lamnar_inga_egna_rader_kvar(DatabaseProvider databas)
    {
        using var h = new EngineHarness(s => s.AddScoped<IServiceTaskHandler, SparaRad>(), provider: databas);
        await h.DeployAsync(SaveFlow.Replace("DELEG", "${spara}"));
        var id = (await h.StartAsync("p", new { fel = true })).InstanceId!;
        (await h.RunAsync(e => e.IncidentsAsync(id))).Should().ContainSingle().Which.Message.Should().Contain("trasig");
        (await h.WithDbAsync(db => db.Set<IdempotencyRecord>().AnyAsync(r => r.Id == "handler-" + id))).Should().BeFalse();
    }
}
