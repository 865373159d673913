using InsatsFlow.Engine.Store;
using InsatsFlow.Engine.Tests.Harness;
using static InsatsFlow.Engine.Tests.Harness.Bpmn;

namespace InsatsFlow.Engine.Tests.Enhet;

/// <summary>Idempotency keys as the IETF draft has them: scoped to (tenant, user, command, target), with a hash of the arguments.</summary>
public class IdempotencyTests
{
    private static string TvaGruppuppgifter => Process("p", $"""
        <bpmn:startEvent id="start" />
        <bpmn:parallelGateway id="dela" />
        <bpmn:userTask id="a" camunda:candidateGroups="beredning" />
        <bpmn:userTask id="b" camunda:candidateGroups="beredning" />
        {Flow("f1", "start", "dela")}
        {Flow("f2", "dela", "a")}
        {Flow("f3", "dela", "b")}
        """);

    [Fact]
    public async Task Tva_anvandare_med_samma_nyckel_pa_olika_uppgifter_tar_var_sin_uppgift()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(TvaGruppuppgifter);
        var id = (await h.StartAsync("p")).InstanceId!;
        var a = await h.TaskAsync(id, "a");
        var b = await h.TaskAsync(id, "b");

        await h.RunAsync(e => e.ClaimAsync(a.Id, new TaskActor("anna", "beredning"), "samma-requestid"));
        var bertils = await h.RunAsync(e => e.ClaimAsync(b.Id, new TaskActor("bertil", "beredning"), "samma-requestid"));

        bertils.AlreadyDone.Should().BeFalse();
        (await h.RunAsync(e => e.FindTaskAsync(a.Id)))!.Assignee.Should().Be("anna");
        (await h.RunAsync(e => e.FindTaskAsync(b.Id)))!.Assignee.Should().Be("bertil");
    }

    [Fact]
    public async Task Samma_nyckel_for_tva_tenanter_startar_var_sin_instans_och_ingen_far_den_andras_resultat()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Tasks("p", "a"));
        StartCommand Start(string tenant) => new("p") { UserId = "samma", IdempotencyKey = "k1", TenantId = tenant, Variables = EngineHarness.Vars(new { belopp = 10 }) };

        var a = await h.RunAsync(e => e.StartAsync(Start("forbund-a")));
        var b = await h.RunAsync(e => e.StartAsync(Start("forbund-b")));

        b.AlreadyDone.Should().BeFalse();
        b.InstanceId.Should().NotBe(a.InstanceId);
        (await h.RunAsync(e => e.GetInstanceAsync(b.InstanceId!))).Instance.TenantId.Should().Be("forbund-b");
    }

    [Fact]
    public async Task Samma_nyckel_med_tenanten_i_variablerna_nekas_inte_for_den_andra_tenanten()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Tasks("p", "a"));
        await h.StartAsync("p", new { tenantId = "forbund-a" }, idempotencyKey: "k1");

        var b = await h.StartAsync("p", new { tenantId = "forbund-b" }, idempotencyKey: "k1");

        b.AlreadyDone.Should().BeFalse();
        (await h.RunAsync(e => e.FindInstancesAsync("p"))).Should().HaveCount(2);
    }

    [Fact]
    public async Task Samma_nyckel_med_samma_uppgifter_ger_forsta_resultatet()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Tasks("p", "a"));
        var forsta = await h.StartAsync("p", new { belopp = 10 }, idempotencyKey: "k1");
        var igen = await h.StartAsync("p", new { belopp = 10 }, idempotencyKey: "k1");

        igen.AlreadyDone.Should().BeTrue();
        igen.InstanceId.Should().Be(forsta.InstanceId);
        (await h.RunAsync(e => e.FindInstancesAsync("p"))).Should().ContainSingle();
    }

    [Fact]
    public async Task Samma_nyckel_med_andra_uppgifter_nekas_och_inget_nytt_startas()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Tasks("p", "a"));
        await h.StartAsync("p", new { belopp = 10 }, idempotencyKey: "k1");

        var andra = () => h.StartAsync("p", new { belopp = 99 }, idempotencyKey: "k1");

        (await andra.Should().ThrowAsync<IdempotencyKeyReusedException>()).WithMessage("*k1*andra uppgifter*");
        (await h.RunAsync(e => e.FindInstancesAsync("p"))).Should().ContainSingle();
    }

    [Fact]
    public async Task En_nyckel_som_gatt_ut_rensas_och_startar_da_ett_nytt_kommando()
    {
        using var h = new EngineHarness(engine: o => o.IdempotencyLifetime = TimeSpan.FromHours(24));
        await h.DeployAsync(Tasks("p", "a"));
        var forsta = await h.StartAsync("p", idempotencyKey: "k1");
        h.Clock.Advance(TimeSpan.FromHours(23));
        (await h.RunAsync(e => e.PurgeExpiredIdempotencyAsync())).Should().Be(0);
        (await h.StartAsync("p", idempotencyKey: "k1")).InstanceId.Should().Be(forsta.InstanceId);

        h.Clock.Advance(TimeSpan.FromHours(2));
        (await h.RunAsync(e => e.PurgeExpiredIdempotencyAsync())).Should().Be(1);

        (await h.StartAsync("p", idempotencyKey: "k1")).InstanceId.Should().NotBe(forsta.InstanceId);
    }

    [Fact]
    public async Task En_nyckel_som_gatt_ut_men_inte_rensats_startar_ocksa_ett_nytt_kommando()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Tasks("p", "a"));
        var forsta = await h.StartAsync("p", new { belopp = 1 }, idempotencyKey: "k1");
        h.Clock.Advance(TimeSpan.FromHours(25));

        var ny = await h.StartAsync("p", new { belopp = 2 }, idempotencyKey: "k1");

        ny.AlreadyDone.Should().BeFalse();
        ny.InstanceId.Should().NotBe(forsta.InstanceId);
        (await h.StartAsync("p", new { belopp = 2 }, idempotencyKey: "k1")).InstanceId.Should().Be(ny.InstanceId);
    }
}
