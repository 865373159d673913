using InsatsFlow.Engine.Tests.Harness;

namespace InsatsFlow.Engine.Tests;

public class DeploymentTests
{
    [Fact]
    public async Task Samma_innehall_behaller_versionen()
    {
        using var h = new EngineHarness();
        var first = await h.DeployAsync(Bpmn.Tasks("p", "a"));
        var again = await h.DeployAsync(Bpmn.Tasks("p", "a"));
        first.Definitions.Single().Version.Should().Be(1);
        again.Definitions.Single().Should().Match<DeployedDefinition>(d => d.Version == 1 && !d.IsNew);
    }

    [Fact]
    public async Task Andrat_innehall_blir_en_ny_version()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Tasks("p", "a"));
        var second = await h.DeployAsync(Bpmn.Tasks("p", "a", "b"));
        second.Definitions.Single().Should().Match<DeployedDefinition>(d => d.Version == 2 && d.IsNew && d.Id == "p:2");
    }

    [Fact]
    public async Task En_instans_stannar_pa_versionen_den_startade_pa()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Tasks("p", "a"));
        var old = await h.StartAsync("p");
        await h.DeployAsync(Bpmn.Tasks("p", "a", "b"));
        var fresh = await h.StartAsync("p");

        await h.CompleteAsync(old.InstanceId!, "a");
        (await h.InstanceAsync(old.InstanceId!)).Instance.Status.Should().Be(Store.InstanceStatus.Completed);
        (await h.InstanceAsync(fresh.InstanceId!)).Instance.DefinitionVersion.Should().Be(2);
        await h.CompleteAsync(fresh.InstanceId!, "a");
        (await h.OpenTasksAsync(fresh.InstanceId!)).Single().ElementId.Should().Be("b");
    }

    [Fact]
    public async Task En_felaktig_fil_andrar_ingenting()
    {
        using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Tasks("p", "a"));
        var bad = Bpmn.Process("p", """<bpmn:startEvent id="start" /><bpmn:userTask id="a" />""");
        await FluentActions.Awaiting(() => h.DeployAsync(bad)).Should().ThrowAsync<Parsing.BpmnValidationException>();
        var start = await h.StartAsync("p");
        (await h.InstanceAsync(start.InstanceId!)).Instance.DefinitionVersion.Should().Be(1);
    }

    [Fact]
    public async Task Alla_bpmn_filer_i_en_katalog_driftsatts()
    {
        using var h = new EngineHarness();
        var dir = Path.Combine(h.Database.Directory, "workflows");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "ett.bpmn"), Bpmn.Tasks("ett", "a"));
        File.WriteAllText(Path.Combine(dir, "tva.bpmn"), Bpmn.Tasks("tva", "b"));
        var results = await h.RunAsync(e => e.DeployDirectoryAsync(dir));
        results.SelectMany(r => r.Definitions).Select(d => d.Key).Should().BeEquivalentTo(["ett", "tva"]);
        (await h.StartAsync("tva")).OpenTaskIds.Should().ContainSingle();
    }

    [Fact]
    public async Task En_felaktig_fil_i_katalogen_namnges_och_inget_driftsatts()
    {
        using var h = new EngineHarness();
        var dir = Path.Combine(h.Database.Directory, "workflows");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "a-bra.bpmn"), Bpmn.Tasks("bra", "a"));
        File.WriteAllText(Path.Combine(dir, "b-trasig.bpmn"), "<inte bpmn");
        var act = () => h.RunAsync(e => e.DeployDirectoryAsync(dir));
        (await act.Should().ThrowAsync<Parsing.BpmnValidationException>()).WithMessage("*b-trasig.bpmn*");
        await FluentActions.Awaiting(() => h.StartAsync("bra")).Should().ThrowAsync<EngineNotFoundException>();
    }
}
