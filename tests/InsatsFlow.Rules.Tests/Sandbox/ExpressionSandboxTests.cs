using System.Linq.Dynamic.Core;
using System.Linq.Expressions;
using System.Text;
using InsatsFlow.Engine.Expressions;

namespace InsatsFlow.Rules.Tests.Sandbox;

/// <summary>The shared sandbox itself, on trees parsed by System.Linq.Dynamic.Core as the BPMN engine and RulesEngine parse them.</summary>
public class ExpressionSandboxTests
{
    private readonly ExpressionSandbox sandbox = new();

    public sealed class Ansokan
    {
        public string Fas { get; set; } = "ide";
        public List<int> Avsnitt { get; set; } = [];
    }

    private static LambdaExpression Parse<T>(string expression) =>
        DynamicExpressionParser.ParseLambda(new ParsingConfig(), false, [Expression.Parameter(typeof(T), "x")], typeof(bool), expression);

    [Fact]
    public void Ett_uttryck_over_registrerade_typer_ar_tillatet()
    {
        var withAnsokan = sandbox.With(typeof(Ansokan));

        withAnsokan.Explain(Parse<Ansokan>("x.Fas == \"ansokan\" && x.Avsnitt.Any(a => a > 4)")).Should().BeNull();
    }

    [Fact]
    public void En_oregistrerad_typ_ar_inte_tillaten()
    {
        sandbox.Explain(Parse<Ansokan>("x.Fas == \"ansokan\"")).Should().Contain("Ansokan").And.Contain("inte tillåt");
    }

    // System.Linq.Dynamic.Core refuses GetType on ordinary classes, but not on every type (RulesEngine's input
    // types let it through), so the sandbox must refuse the tree itself.
    [Fact]
    public void GetType_ar_inte_tillatet()
    {
        var x = Expression.Parameter(typeof(Ansokan), "x");
        var tree = Expression.NotEqual(Expression.Call(x, typeof(object).GetMethod(nameof(GetType))!), Expression.Constant(null, typeof(Type)));

        sandbox.With(typeof(Ansokan)).Explain(tree).Should().Contain("System.Type");
    }

    [Fact]
    public void Assembly_via_GetType_ar_inte_tillatet()
    {
        var x = Expression.Parameter(typeof(Ansokan), "x");
        var assembly = Expression.Property(Expression.Call(x, typeof(object).GetMethod(nameof(GetType))!), nameof(Type.Assembly));
        var tree = Expression.NotEqual(Expression.Property(assembly, "FullName"), Expression.Constant(null, typeof(string)));

        var act = () => sandbox.With(typeof(Ansokan)).Check(tree);

        act.Should().Throw<ExpressionNotAllowedException>();
    }

    [Fact]
    public void Assembly_aven_utan_GetType_ar_inte_tillatet()
    {
        var assembly = Expression.Constant(typeof(Ansokan).Assembly);
        var tree = Expression.NotEqual(Expression.Property(assembly, "FullName"), Expression.Constant(null, typeof(string)));

        sandbox.Explain(tree).Should().NotBeNull();
    }

    [Fact]
    public void En_typkonstant_ar_inte_tillaten()
    {
        var tree = Expression.NotEqual(Expression.Constant(typeof(string), typeof(object)), Expression.Constant(null));

        sandbox.Explain(tree).Should().Contain("reflektion");
    }

    [Fact]
    public void Att_skapa_en_oregistrerad_typ_ar_inte_tillatet()
    {
        var tree = Expression.NotEqual(Expression.New(typeof(StringBuilder)), Expression.Constant(null, typeof(StringBuilder)));

        sandbox.Explain(tree).Should().Contain("StringBuilder");
    }

    [Fact]
    public void Anrop_av_en_delegat_ar_inte_tillatet()
    {
        Expression<Func<int, bool>> positive = i => i > 0;
        var tree = Expression.Invoke(Expression.Constant(positive.Compile()), Expression.Constant(1));

        sandbox.Explain(tree).Should().NotBeNull();
    }

    [Fact]
    public void Dynamiska_klasser_fran_regelindata_ar_tillatna()
    {
        var type = DynamicClassFactory.CreateType([new DynamicProperty("belopp", typeof(decimal))]);
        var tree = DynamicExpressionParser.ParseLambda(new ParsingConfig(), false, [Expression.Parameter(type, "budget")], typeof(bool), "budget.belopp > 0");

        sandbox.Explain(tree).Should().BeNull();
    }

    // System.Linq.Dynamic.Core refuses these by name when it parses; the sandbox refuses them again in the tree,
    // so an expression built another way (or a parser change) still cannot reach them.
    [Fact]
    public void Filsystemet_ar_inte_tillatet_i_ett_trad()
    {
        var tree = Expression.Call(typeof(File).GetMethod(nameof(File.Exists), [typeof(string)])!, Expression.Constant("/etc/passwd"));

        sandbox.Explain(tree).Should().Contain("System.IO.File");
    }

    [Fact]
    public void Processer_ar_inte_tillatna_i_ett_trad()
    {
        var start = Expression.Call(typeof(System.Diagnostics.Process).GetMethod(nameof(System.Diagnostics.Process.Start), [typeof(string)])!, Expression.Constant("sh"));
        var tree = Expression.NotEqual(start, Expression.Constant(null, typeof(System.Diagnostics.Process)));

        sandbox.Explain(tree).Should().Contain("System.Diagnostics.Process");
    }

    [Fact]
    public void Convert_ChangeType_ar_inte_tillatet()
    {
        var tree = Expression.Call(typeof(Convert).GetMethod(nameof(Convert.ChangeType), [typeof(object), typeof(TypeCode)])!,
            Expression.Constant(1, typeof(object)), Expression.Constant(TypeCode.String));

        sandbox.Explain(tree).Should().NotBeNull();
    }

    [Fact]
    public void Linq_over_listor_ar_tillatet()
    {
        var tree = DynamicExpressionParser.ParseLambda(new ParsingConfig(), false, [Expression.Parameter(typeof(List<int>), "avsnitt")], typeof(bool),
            "avsnitt.Where(a => a > 4).Select(a => a * 2).Distinct().Count() >= 2 && avsnitt.Sum(a => a) > 0");

        sandbox.Explain(tree).Should().BeNull();
    }
}
