using InsatsFlow.Engine.Tests.Harness;

namespace InsatsFlow.Engine.Tests;

/// <summary>The engine accepts the repository's own workflows/*.bpmn (with a host offering arbetsdagar and senast, as Core's does).</summary>
public class PublishedWorkflowTests
{
    public class Funktioner : Expressions.ExpressionFunctions
    {
        public DateTimeOffset arbetsdagar(int dagar) => AddWorkingDays(dagar);

        public DateTimeOffset senast(DateOnly dag) => new(dag.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero);
    }

    private static string? WorkflowsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "InsatsFlow.sln"))) return Path.Combine(dir.FullName, "workflows");
        return null;
    }

    [Fact]
    public async Task De_publicerade_arbetsflodena_driftsatts_utan_fel()
    {
        var directory = WorkflowsDirectory();
        directory.Should().NotBeNull();
        var files = Directory.GetFiles(directory!, "*.bpmn");
        files.Should().NotBeEmpty();
        using var h = new EngineHarness(engine: o => o.UseFunctions<Funktioner>());
        var results = await h.RunAsync(e => e.DeployDirectoryAsync(directory!));
        results.SelectMany(r => r.Definitions).Select(d => d.Key).Should().Contain(["insats-livscykel", "budgetprocess"]);
    }
}
