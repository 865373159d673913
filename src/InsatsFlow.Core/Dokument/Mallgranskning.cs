using Scriban.Syntax;

namespace InsatsFlow.Core.Dokument;

/// <summary>
/// Refuses at load what the sandbox would refuse at render: `import` (pulls members into scope) and
/// `include` (reads other files). A document is built from its model alone.
/// </summary>
internal sealed class Mallgranskning(string fil) : ScriptVisitor
{
    private static readonly HashSet<string> Forbjudna = ["include", "import"];

    public List<MallFel> Fel { get; } = [];

    public override void Visit(ScriptImportStatement node)
    {
        Fel.Add(Ny(node, "import är inte tillåtet i en dokumentmall"));
        base.Visit(node);
    }

    public override void Visit(ScriptVariableGlobal node)
    {
        if (Forbjudna.Contains(node.Name))
            Fel.Add(Ny(node, $"{node.Name} är inte tillåtet i en dokumentmall; allt innehåll ska komma från dokumentets modell"));
        base.Visit(node);
    }

    private MallFel Ny(ScriptNode node, string meddelande) =>
        new(fil, node.Span.Start.Line + 1, node.Span.Start.Column + 1, meddelande);
}
