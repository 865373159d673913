using System.Globalization;
using System.Xml.Linq;

namespace InsatsFlow.Core.Tests.Workflows;

/// <summary>
/// One published workflow file read with System.Xml.Linq only: its process elements, lanes and diagram geometry.
/// The tests hold the files to what bpmn-js draws readably and what InsatsFlow's engine executes.
/// </summary>
public sealed class BpmnFil
{
    public static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";
    public static readonly XNamespace Dc = "http://www.omg.org/spec/DD/20100524/DC";
    public static readonly XNamespace Di = "http://www.omg.org/spec/DD/20100524/DI";
    public static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public const string Insatslivscykel = "insats-livscykel.bpmn";
    public const string Budgetprocess = "budgetprocess.bpmn";

    /// <summary>The condition that lets a rule gate's result through: the engine's passed (the regelverk's uppfylld).</summary>
    public static string RegelnUppfylld(string resultatvariabel) => $"${{{resultatvariabel}.passed == true}}";

    /// <summary>Element kinds that are drawn or carry data but are not steps of the flow.</summary>
    private static readonly HashSet<string> NotFlowNodes =
        ["laneSet", "sequenceFlow", "documentation", "extensionElements", "textAnnotation", "association", "incoming", "outgoing"];

    private BpmnFil(string namn, XDocument dokument)
    {
        Namn = namn;
        Dokument = dokument;
        Process = dokument.Root!.Element(Bpmn + "process")!;
        Noder = Process.Descendants().Where(e => e.Name.Namespace == Bpmn && IsFlowNode(e)).ToList();
        Floden = Process.Descendants(Bpmn + "sequenceFlow").ToList();
        var plane = dokument.Root!.Element(BpmnDi + "BPMNDiagram")?.Element(BpmnDi + "BPMNPlane");
        Former = plane?.Elements(BpmnDi + "BPMNShape").ToDictionary(s => (string)s.Attribute("bpmnElement")!, s => Bounds(s.Element(Dc + "Bounds")!)) ?? [];
        Kanter = plane?.Elements(BpmnDi + "BPMNEdge").ToDictionary(
            e => (string)e.Attribute("bpmnElement")!,
            e => e.Elements(Di + "waypoint").Select(w => new Punkt(Number(w, "x"), Number(w, "y"))).ToList()) ?? [];
        Etiketter = plane?.Elements().Where(e => e.Element(BpmnDi + "BPMNLabel")?.Element(Dc + "Bounds") is not null)
            .ToDictionary(e => (string)e.Attribute("bpmnElement")!, e => Bounds(e.Element(BpmnDi + "BPMNLabel")!.Element(Dc + "Bounds")!)) ?? [];
    }

    public string Namn { get; }
    public XDocument Dokument { get; }
    public XElement Process { get; }
    public IReadOnlyList<XElement> Noder { get; }
    public IReadOnlyList<XElement> Floden { get; }
    public IReadOnlyDictionary<string, Rektangel> Former { get; }
    public IReadOnlyDictionary<string, List<Punkt>> Kanter { get; }
    public IReadOnlyDictionary<string, Rektangel> Etiketter { get; }

    public IEnumerable<XElement> Lanes => Process.Descendants(Bpmn + "lane");

    public IEnumerable<XElement> Av(string kind) => Noder.Where(n => n.Name.LocalName == kind);

    public XElement Nod(string id) => Noder.Single(n => Id(n) == id);

    public IEnumerable<XElement> Utgaende(XElement nod) => Floden.Where(f => (string?)f.Attribute("sourceRef") == Id(nod));

    public IEnumerable<XElement> GransHandelser(XElement aktivitet) =>
        Av("boundaryEvent").Where(b => (string?)b.Attribute("attachedToRef") == Id(aktivitet));

    public static string Id(XElement e) => (string?)e.Attribute("id") ?? "";

    public static string? CamundaAttribut(XElement e, string name) => (string?)e.Attribute(Camunda + name);

    public static IReadOnlyDictionary<string, string> Egenskaper(XElement e) =>
        e.Element(Bpmn + "extensionElements")?.Element(Camunda + "properties")?.Elements(Camunda + "property")
            .ToDictionary(p => (string)p.Attribute("name")!, p => (string?)p.Attribute("value") ?? "")
        ?? new Dictionary<string, string>();

    public static BpmnFil Las(string namn) => new(namn, XDocument.Load(Path.Combine(WorkflowsKatalog(), namn), LoadOptions.SetLineInfo));

    /// <summary>workflows/ in the repository, found by walking up from the test binaries.</summary>
    public static string WorkflowsKatalog()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "workflows");
            if (File.Exists(Path.Combine(candidate, Insatslivscykel))) return candidate;
        }
        throw new DirectoryNotFoundException($"Hittar inte workflows/{Insatslivscykel} ovanför {AppContext.BaseDirectory}");
    }

    private static bool IsFlowNode(XElement e)
    {
        var name = e.Name.LocalName;
        if (NotFlowNodes.Contains(name) || name == "lane" || name == "flowNodeRef") return false;
        var parent = e.Parent!;
        // direct children of the process or of an embedded subProcess; nothing nested inside a task or event
        return parent == e.Document!.Root!.Element(Bpmn + "process") || parent.Name == Bpmn + "subProcess";
    }

    private static Rektangel Bounds(XElement b) => new(Number(b, "x"), Number(b, "y"), Number(b, "width"), Number(b, "height"));

    private static double Number(XElement e, string attribute) =>
        double.Parse((string)e.Attribute(attribute)!, CultureInfo.InvariantCulture);
}

public readonly record struct Punkt(double X, double Y)
{
    public override string ToString() => $"({X}, {Y})";
}

public readonly record struct Rektangel(double X, double Y, double Bredd, double Hojd)
{
    public double Hoger => X + Bredd;
    public double Nederkant => Y + Hojd;

    public bool Overlappar(Rektangel o) => X < o.Hoger && o.X < Hoger && Y < o.Nederkant && o.Y < Nederkant;

    public bool Innehaller(Rektangel o) => o.X >= X && o.Hoger <= Hoger && o.Y >= Y && o.Nederkant <= Nederkant;

    /// <summary>Lies on the border (within a pixel), as a waypoint docking at a shape must.</summary>
    public bool PaKanten(Punkt p, double tolerans = 1)
    {
        var inomX = p.X >= X - tolerans && p.X <= Hoger + tolerans;
        var inomY = p.Y >= Y - tolerans && p.Y <= Nederkant + tolerans;
        var vidVertikalKant = Math.Abs(p.X - X) <= tolerans || Math.Abs(p.X - Hoger) <= tolerans;
        var vidHorisontellKant = Math.Abs(p.Y - Y) <= tolerans || Math.Abs(p.Y - Nederkant) <= tolerans;
        return (vidVertikalKant && inomY) || (vidHorisontellKant && inomX);
    }

    /// <summary>Does the segment a–b pass through the inside of the rectangle (touching the border is allowed)?</summary>
    public bool Korsas(Punkt a, Punkt b)
    {
        const double e = 0.5;
        double t0 = 0, t1 = 1;
        var dx = b.X - a.X;
        var dy = b.Y - a.Y;
        bool Clip(double p, double q)
        {
            if (p == 0) return q > 0;
            var t = q / p;
            if (p < 0) { if (t > t1) return false; if (t > t0) t0 = t; }
            else { if (t < t0) return false; if (t < t1) t1 = t; }
            return true;
        }
        return Clip(-dx, a.X - (X + e)) && Clip(dx, (Hoger - e) - a.X)
            && Clip(-dy, a.Y - (Y + e)) && Clip(dy, (Nederkant - e) - a.Y)
            && t1 - t0 > 1e-9;
    }

    public override string ToString() => $"[x={X}, y={Y}, {Bredd}×{Hojd}]";
}
