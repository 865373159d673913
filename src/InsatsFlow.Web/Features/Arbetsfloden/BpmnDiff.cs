using System.Xml.Linq;
using InsatsFlow.Engine.Parsing;

namespace InsatsFlow.Web.Features.Arbetsfloden;

/// <summary>
/// Compares two BPMN files element by element (by id), the way a kansli reads a change: which steps were added or
/// removed, and for the rest what changed — name, type, camunda attributes, conditions, timers, and the flows in and
/// out. The diagram (positions) is ignored: moving a box is not a change to the process.
/// </summary>
public static class BpmnDiff
{
    private static readonly HashSet<string> Inbyggda = ["incoming", "outgoing", "documentation", "extensionElements", "conditionExpression",
        "multiInstanceLoopCharacteristics", "standardLoopCharacteristics", "flowNodeRef"];

    public static ArbetsflodesDiff Jamfor(string franXml, string tillXml, string fran, string till)
    {
        var a = Element(franXml);
        var b = Element(tillXml);
        var tillagda = b.Keys.Except(a.Keys).Order(StringComparer.Ordinal).Select(id => Kort(b[id])).ToList();
        var borttagna = a.Keys.Except(b.Keys).Order(StringComparer.Ordinal).Select(id => Kort(a[id])).ToList();
        var andrade = new List<AndratElement>();
        foreach (var id in a.Keys.Intersect(b.Keys).Order(StringComparer.Ordinal))
        {
            var fore = a[id];
            var efter = b[id];
            var andringar = fore.Egenskaper.Keys.Union(efter.Egenskaper.Keys).Order(StringComparer.Ordinal)
                .Select(k => new Egenskapsandring(k, fore.Egenskaper.GetValueOrDefault(k), efter.Egenskaper.GetValueOrDefault(k)))
                .Where(c => c.Fore != c.Efter)
                .ToList();
            if (andringar.Count > 0) andrade.Add(new AndratElement(id, efter.Typ, efter.Namn ?? fore.Namn, andringar));
        }
        return new ArbetsflodesDiff(fran, till, tillagda, borttagna, andrade);
    }

    private static DiffElement Kort(Beskrivning e) => new(e.Id, e.Typ, e.Namn);

    private sealed record Beskrivning(string Id, string Typ, string? Namn, Dictionary<string, string> Egenskaper);

    private static Dictionary<string, Beskrivning> Element(string xml)
    {
        var doc = XDocument.Parse(xml);
        var bpmn = BpmnParser.Bpmn;
        var result = new Dictionary<string, Beskrivning>(StringComparer.Ordinal);
        var processer = doc.Root!.Elements(bpmn + "process").ToList();
        var floden = processer.SelectMany(p => p.Descendants(bpmn + "sequenceFlow")).ToList();
        foreach (var process in processer)
            foreach (var e in process.DescendantsAndSelf())
            {
                if (e.Name.Namespace != bpmn || Inbyggda.Contains(e.Name.LocalName) || e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal)) continue;
                if ((string?)e.Attribute("id") is not { Length: > 0 } id || result.ContainsKey(id)) continue;
                result[id] = new Beskrivning(id, Elementtyper.Namn(e.Name.LocalName), (string?)e.Attribute("name"), Egenskaper(e, id, floden));
            }
        return result;
    }

    private static Dictionary<string, string> Egenskaper(XElement e, string id, List<XElement> floden)
    {
        var bpmn = BpmnParser.Bpmn;
        var p = new Dictionary<string, string>(StringComparer.Ordinal) { ["typ"] = Elementtyper.Namn(e.Name.LocalName) };
        foreach (var attribute in e.Attributes())
        {
            if (attribute.IsNamespaceDeclaration || attribute.Name.LocalName == "id") continue;
            var namn = attribute.Name.Namespace == BpmnParser.Camunda ? "camunda:" + attribute.Name.LocalName
                : attribute.Name.Namespace == XNamespace.None ? Svenska(attribute.Name.LocalName) : attribute.Name.ToString();
            p[namn] = attribute.Value;
        }
        if (e.Element(bpmn + "conditionExpression") is { } villkor) p["villkor"] = villkor.Value.Trim();
        if (e.Element(bpmn + "documentation") is { } dokumentation) p["dokumentation"] = dokumentation.Value.Trim();
        foreach (var definition in e.Elements().Where(c => c.Name.Namespace == bpmn && c.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal)))
            p["händelse"] = definition.Name.LocalName + Detaljer(definition);
        if (e.Element(bpmn + "multiInstanceLoopCharacteristics") is { } flera) p["flera instanser"] = Detaljer(flera).Trim();
        if (e.Element(bpmn + "extensionElements") is { } tillagg)
            foreach (var camunda in tillagg.Elements().Where(c => c.Name.Namespace == BpmnParser.Camunda))
                p["camunda:" + camunda.Name.LocalName] = Platt(camunda);
        if (e.Name.LocalName == "lane")
            p["steg i banan"] = string.Join(", ", e.Elements(bpmn + "flowNodeRef").Select(r => r.Value.Trim()).Order(StringComparer.Ordinal));
        if (e.Name.LocalName != "sequenceFlow" && e.Name.LocalName != "process")
        {
            var in_ = floden.Where(f => (string?)f.Attribute("targetRef") == id).Select(f => (string)f.Attribute("id")!).Order(StringComparer.Ordinal).ToList();
            var ut = floden.Where(f => (string?)f.Attribute("sourceRef") == id).Select(f => (string)f.Attribute("id")!).Order(StringComparer.Ordinal).ToList();
            if (in_.Count > 0) p["inkommande flöden"] = string.Join(", ", in_);
            if (ut.Count > 0) p["utgående flöden"] = string.Join(", ", ut);
        }
        return p;
    }

    private static string Svenska(string attribut) => attribut switch
    {
        "name" => "namn",
        "sourceRef" => "från",
        "targetRef" => "till",
        "default" => "standardflöde",
        "attachedToRef" => "sitter på",
        "cancelActivity" => "avbryter",
        "calledElement" => "anropar",
        "isExecutable" => "körbar",
        _ => attribut,
    };

    /// <summary>An event definition or loop marker as one line: its attributes and its children's text.</summary>
    private static string Detaljer(XElement e)
    {
        var delar = e.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Name.LocalName != "id").Select(a => $"{a.Name.LocalName}={a.Value}")
            .Concat(e.Elements().Select(c => $"{c.Name.LocalName}={c.Value.Trim()}"))
            .ToList();
        return delar.Count == 0 ? "" : " (" + string.Join(", ", delar) + ")";
    }

    private static string Platt(XElement e) =>
        string.Join(" ", e.DescendantsAndSelf().Select(d =>
            d.Name.LocalName + string.Concat(d.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => $" {a.Name.LocalName}={a.Value}"))
            + (d.HasElements || string.IsNullOrWhiteSpace(d.Value) ? "" : $" \"{d.Value.Trim()}\"")));
}

/// <summary>What changed between two versions of a workflow, element by element.</summary>
public sealed record ArbetsflodesDiff(
    string Fran,
    string Till,
    IReadOnlyList<DiffElement> Tillagda,
    IReadOnlyList<DiffElement> Borttagna,
    IReadOnlyList<AndratElement> Andrade);

public sealed record DiffElement(string Id, string Typ, string? Namn);

public sealed record AndratElement(string Id, string Typ, string? Namn, IReadOnlyList<Egenskapsandring> Andringar);

/// <summary>One property of an element before and after (null where it was absent).</summary>
public sealed record Egenskapsandring(string Egenskap, string? Fore, string? Efter);
