using System.Xml;
using System.Xml.Linq;

namespace InsatsFlow.Engine.Parsing;

/// <summary>How large a BPMN file the engine reads; a setting ("InsatsFlow:Motor:Bpmn" in the host).</summary>
public sealed class BpmnLimits
{
    /// <summary>Characters of one BPMN file.</summary>
    public int MaxCharacters { get; set; } = 2_000_000;

    /// <summary>Nesting of XML elements (subprocesses in subprocesses …).</summary>
    public int MaxDepth { get; set; } = 64;
}

/// <summary>
/// Reads BPMN XML safely: BPMN never needs a DTD, so a DOCTYPE is refused before any entity is expanded (no entity
/// bombs, no external resolution), and the text's size and nesting are limited. Errors are Swedish and name line and position.
/// </summary>
public static class BpmnXml
{
    public static XDocument Load(string xml, BpmnLimits limits, string? resource)
    {
        if (xml.Length > limits.MaxCharacters)
            throw Refused(resource, 0, $"BPMN-filen är {xml.Length} tecken; gränsen är {limits.MaxCharacters} tecken (MaxCharacters)");
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = limits.MaxCharacters,
            MaxCharactersFromEntities = limits.MaxCharacters,
        };
        XDocument doc;
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        try
        {
            doc = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            // A prohibited DTD is reported without a position: it is where the DOCTYPE starts.
            var (line, position) = e.LineNumber > 0 ? (e.LineNumber, e.LinePosition) : PositionOf(xml, "<!DOCTYPE");
            throw Refused(resource, line, $"XML-filen är felaktig (rad {line}, position {position}): {Swedish(e.Message)}");
        }
        if (doc.Root is null) throw Refused(resource, 0, "XML-filen saknar rotelement");
        var deepest = Deepest(doc.Root, limits.MaxDepth);
        if (deepest is not null)
            throw Refused(resource, BpmnParser.Line(deepest), $"elementen är nästlade djupare än gränsen {limits.MaxDepth} nivåer (MaxDepth)");
        return doc;
    }

    /// <summary>The first element deeper than <paramref name="max"/>, walked without recursion.</summary>
    private static XElement? Deepest(XElement root, int max)
    {
        var stack = new Stack<(XElement Element, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            if (depth > max) return element;
            foreach (var child in element.Elements()) stack.Push((child, depth + 1));
        }
        return null;
    }

    private static (int Line, int Position) PositionOf(string xml, string text)
    {
        var at = xml.IndexOf(text, StringComparison.OrdinalIgnoreCase);
        if (at < 0) return (0, 0);
        var before = xml.AsSpan(0, at);
        var lineStart = before.LastIndexOf('\n') + 1;
        return (before.Count('\n') + 1, at - lineStart + 1);
    }

    private static BpmnValidationException Refused(string? resource, int line, string message) => new(resource, [new BpmnProblem(null, line, message)]);

    // System.Xml explains in English; the cases a person meets get a Swedish sentence, the rest a Swedish summary.
    internal static string Swedish(string message) => message switch
    {
        _ when Has(message, "DTD is prohibited") => "filen har en DTD (<!DOCTYPE …>); BPMN behöver aldrig en DTD och den tas inte emot",
        _ when Has(message, "MaxCharactersInDocument") || Has(message, "MaxCharactersFromEntities") => "filen är större än gränsen",
        _ when Has(message, "Unexpected end of file") => "filen tar slut innan alla element är stängda",
        _ when Has(message, "Root element is missing") => "rotelement saknas",
        _ when Has(message, "Data at the root level is invalid") => "texten är inte XML (fel på rotnivå)",
        _ when Has(message, "multiple root elements") => "filen har flera rotelement",
        _ when Has(message, "does not match the end tag") => "en starttagg matchar inte sin sluttagg",
        _ when Has(message, "undeclared prefix") => "ett namnrymdsprefix är inte deklarerat",
        _ when Has(message, "undeclared entity") => "en entitet är inte deklarerad",
        _ when Has(message, "is a duplicate attribute") => "ett attribut förekommer två gånger",
        _ when Has(message, "Name cannot begin with") => "ett namn börjar med ett otillåtet tecken",
        _ when Has(message, "invalid character") || Has(message, "hexadecimal value") => "filen innehåller ett otillåtet tecken",
        _ when Has(message, "unexpected token") => "ett tecken står där det inte får stå",
        _ when Has(message, "Reserved xml") || Has(message, "Unexpected XML declaration") => "XML-deklarationen står på fel plats",
        _ => "filen är inte välformad XML",
    };

    private static bool Has(string message, string part) => message.Contains(part, StringComparison.OrdinalIgnoreCase);
}
