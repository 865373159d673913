using System.Linq.Dynamic.Core;
using InsatsFlow.Rules.Loading;
using InsatsFlow.Rules.Tests.TestSupport;
using RulesEngine.Models;

namespace InsatsFlow.Rules.Tests.Sandbox;

/// <summary>Expressions in rule files reach their input and param, nothing else: every escape is refused at load.</summary>
public class RuleExpressionSandboxTests : IDisposable
{
    private readonly TempRulesDirectory rules = new();

    public void Dispose() => rules.Dispose();

    private LoadResult LoadWith(string expression)
    {
        rules.Write(RuleFileJson.Make(expression: expression));
        return new RuleCatalogueLoader().Load(rules.Path);
    }

    [Theory]
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")")]
    [InlineData("System.IO.Directory.GetFiles(\"/\").Length > 0")]
    [InlineData("System.IO.File.ReadAllText(\"/etc/passwd\") != \"\"")]
    public void Filsystemet_nas_inte(string expression) => RefusedAtLoad(expression);

    [Theory]
    [InlineData("System.Diagnostics.Process.Start(\"sh\") != null")]
    [InlineData("System.Diagnostics.Process.GetCurrentProcess().Id > 0")]
    [InlineData("Environment.GetEnvironmentVariable(\"PATH\") != null")]
    public void Processer_och_miljon_nas_inte(string expression) => RefusedAtLoad(expression);

    [Theory]
    [InlineData("budget.GetType().Name != \"\"")]
    [InlineData("budget.GetType().Assembly.FullName != null")]
    [InlineData("budget.rader.GetType().Assembly != null")]
    [InlineData("budget.rader.Select(r => r.GetType()).Any()")]
    [InlineData("budget.belopp.GetType() != null")]
    [InlineData("\"\".GetType().GetMethods().Length > 0")]
    public void GetType_ar_inte_tillatet(string expression) => RefusedAtLoad(expression);

    [Theory]
    [InlineData("typeof(string) != null")]
    [InlineData("Type.GetType(\"System.IO.File\") != null")]
    [InlineData("Assembly.Load(\"System.IO\") != null")]
    [InlineData("AppDomain.CurrentDomain.GetAssemblies().Length > 0")]
    [InlineData("Activator.CreateInstance(\"System.IO\", \"System.IO.FileInfo\") != null")]
    [InlineData("Convert.ChangeType(budget.belopp, \"\".GetType()) != null")]
    [InlineData("budget.rader.AsQueryable().Provider != null")]
    [InlineData("budget.rader.AsQueryable().Expression != null")]
    public void Reflektion_ar_inte_tillaten(string expression) => RefusedAtLoad(expression);

    [Theory]
    [InlineData("DateTime.Now.Year > 2000")]
    [InlineData("DateTime.Today <= budget.antagen")]
    [InlineData("DateTime.UtcNow > DateTime(2000, 1, 1)")]
    public void En_regel_far_inte_lasa_klockan(string expression)
    {
        var problem = RefusedAtLoad(expression);

        problem.Message.Should().Contain("läser klockan");
    }

    [Theory]
    [InlineData("budget.belopp < param.grans")]
    [InlineData("budget.antagen == null || budget.antagen.Value <= DateTime(2025, 11, 30)")]
    [InlineData("budget.rader.All(r => r.typ.Trim() != \"\") && budget.rader.Select(r => r.typ).Distinct().Count() < 3")]
    [InlineData("Math.Abs(budget.belopp - param.grans) <= 0.5")]
    [InlineData("budget.rader.Where(r => r.typ.StartsWith(\"lok\")).Count() == 0")]
    public void Vanliga_regeluttryck_ar_tillatna(string expression) =>
        LoadWith(expression).Problems.Should().BeEmpty();

    private RuleFileProblem RefusedAtLoad(string expression)
    {
        var result = LoadWith(expression);

        result.Catalogue.Should().BeNull();
        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.File.Should().EndWith("prov/1.json");
        problem.Location.Should().Be("regel BeloppUnderGrans");
        problem.Message.Should().MatchRegex("inte tillåtet|kan inte tolkas");
        return problem;
    }

    [Fact]
    public async Task RulesEngine_ensamt_slapper_igenom_reflektion_som_laddningen_stoppar()
    {
        // Why the load-time check exists: RulesEngine 6.0.1 evaluates this expression without complaint.
        var type = DynamicClassFactory.CreateType([new DynamicProperty("belopp", typeof(decimal))]);
        var workflow = new Workflow
        {
            WorkflowName = "prov",
            Rules = [new Rule { RuleName = "Reflektion", Expression = "budget.GetType().Assembly.FullName != null" }],
        };
        var engine = new RulesEngine.RulesEngine([workflow], new ReSettings());

        var results = await engine.ExecuteAllRulesAsync("prov", new RuleParameter("budget", Activator.CreateInstance(type)!));

        results[0].IsSuccess.Should().BeTrue();
        RefusedAtLoad("budget.GetType().Assembly.FullName != null");
    }
}
