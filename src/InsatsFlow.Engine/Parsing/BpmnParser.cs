using System.Xml;
using System.Xml.Linq;
using InsatsFlow.Engine.Expressions;
using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Time;

namespace InsatsFlow.Engine.Parsing;

/// <summary>
/// Reads BPMN 2.0 XML as bpmn-js saves it (camunda moddle). Every element is either understood or refused
/// with its id and line: nothing is silently skipped except what is only drawn or documents (lanes, diagram,
/// annotations, BPMN's data and resource artifacts), which other modelers save and Camunda ignores at run time too.
/// </summary>
public static class BpmnParser
{
    public static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";

    /// <summary>Inside a process or activity: drawn, or documentation only (Signavio, ADONIS, Camunda Modeler save these).</summary>
    private static readonly HashSet<string> Drawn =
    [
        "laneSet", "documentation", "extensionElements", "textAnnotation", "association", "group", "incoming", "outgoing",
        "dataObject", "dataObjectReference", "dataStoreReference", "ioSpecification", "property",
        "dataInputAssociation", "dataOutputAssociation", "potentialOwner", "humanPerformer", "performer", "resourceRole",
    ];

    /// <summary>At the top level, beside the processes: definitions that only document.</summary>
    private static readonly HashSet<string> TopLevelArtifacts =
    [
        "message", "error", "collaboration", "documentation", "extensionElements", "itemDefinition", "dataStore", "category",
        "resource", "interface", "textAnnotation", "association", "group",
    ];

    public static IReadOnlyList<ProcessModel> Parse(string xml, string? resource, ExpressionHost host)
    {
        var doc = BpmnXml.Load(xml, host.BpmnLimits, resource);
        var problems = new List<BpmnProblem>();
        var root = doc.Root!;
        if (root.Name != Bpmn + "definitions")
            throw new BpmnValidationException(resource, [new BpmnProblem(null, Line(root), $"rotelementet ska vara bpmn:definitions, inte {root.Name.LocalName}")]);

        var messages = root.Elements(Bpmn + "message").ToDictionary(m => (string?)m.Attribute("id") ?? "", m => (string?)m.Attribute("name") ?? (string?)m.Attribute("id") ?? "");
        var errors = root.Elements(Bpmn + "error").ToDictionary(m => (string?)m.Attribute("id") ?? "", m => (string?)m.Attribute("errorCode") ?? (string?)m.Attribute("name") ?? (string?)m.Attribute("id"));
        var context = new ParseContext(problems, messages, errors, host);

        var models = new List<ProcessModel>();
        foreach (var child in root.Elements())
        {
            if (child.Name.Namespace != Bpmn) continue; // BPMNDiagram and other vendors' extensions: drawing only
            switch (child.Name.LocalName)
            {
                case "process": models.Add(ParseProcess(child, context)); break;
                case var artifact when TopLevelArtifacts.Contains(artifact): break;
                default: context.Refuse(child, $"elementet {child.Name.LocalName} stöds inte av InsatsFlow"); break;
            }
        }
        if (models.Count == 0 && problems.Count == 0) problems.Add(new BpmnProblem(null, Line(root), "filen innehåller ingen process"));
        foreach (var model in models) BpmnValidator.Validate(model, context);
        if (problems.Count > 0) throw new BpmnValidationException(resource, problems);
        return models;
    }

    internal sealed record ParseContext(List<BpmnProblem> Problems, Dictionary<string, string> Messages, Dictionary<string, string?> Errors, ExpressionHost Host)
    {
        /// <summary>Elements already refused: flows and boundaries that point at them say nothing more, so one problem is one line.</summary>
        public HashSet<string> Refused { get; } = [];

        public void Refuse(XElement e, string message) => Problems.Add(new BpmnProblem((string?)e.Attribute("id"), Line(e), message));
        public void Refuse(string? id, int line, string message) => Problems.Add(new BpmnProblem(id, line, message));
    }

    internal static int Line(XObject e) => e is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    private static ProcessModel ParseProcess(XElement process, ParseContext ctx)
    {
        var elements = new Dictionary<string, FlowElement>();
        var flows = new Dictionary<string, SequenceFlow>();
        var flowConditions = new List<XElement>();
        ParseScope(process, null, ctx, elements, flows);

        foreach (var flow in flows.Values)
        {
            if (elements.TryGetValue(flow.SourceId, out var source)) source.Outgoing.Add(flow);
            else if (!ctx.Refused.Contains(flow.SourceId)) ctx.Refuse(flow.Id, flow.Line, $"flödet saknar giltig källa ({flow.SourceId})");
            if (elements.TryGetValue(flow.TargetId, out var target)) target.Incoming.Add(flow);
            else if (!ctx.Refused.Contains(flow.TargetId))
                ctx.Refuse(flow.Id, flow.Line, string.IsNullOrEmpty(flow.TargetId) ? "flödet saknar mål" : $"flödets mål {flow.TargetId} finns inte");
        }
        foreach (var boundary in elements.Values.OfType<BoundaryEvent>())
        {
            if (elements.TryGetValue(boundary.AttachedToId, out var host)) host.Boundaries.Add(boundary);
            else if (!ctx.Refused.Contains(boundary.AttachedToId))
                ctx.Refuse(boundary.Id, boundary.Line, $"gränshändelsen sitter på {boundary.AttachedToId}, som inte finns");
        }
        var id = (string?)process.Attribute("id") ?? "";
        return new ProcessModel { Key = id, Name = (string?)process.Attribute("name"), Elements = elements, Flows = flows };
    }

    private static void ParseScope(XElement scope, string? scopeId, ParseContext ctx, Dictionary<string, FlowElement> elements, Dictionary<string, SequenceFlow> flows)
    {
        foreach (var e in scope.Elements())
        {
            if (e.Name.Namespace != Bpmn) continue;
            var name = e.Name.LocalName;
            if (Drawn.Contains(name)) continue;
            if (name == "multiInstanceLoopCharacteristics" && scopeId is not null) continue; // the subprocess's own, read with it
            var id = (string?)e.Attribute("id");
            if (string.IsNullOrEmpty(id)) { ctx.Refuse(e, $"{name} saknar id"); continue; }
            if (elements.ContainsKey(id) || flows.ContainsKey(id)) { ctx.Refuse(e, $"id {id} används två gånger"); continue; }
            if (name == "sequenceFlow")
            {
                flows[id] = ParseFlow(e, id, ctx);
                continue;
            }
            var element = ParseElement(e, id, name, scopeId, ctx);
            if (element is null) { ctx.Refused.Add(id); continue; }
            elements[id] = element;
            if (element is SubProcess) ParseScope(e, id, ctx, elements, flows);
        }
    }

    private static SequenceFlow ParseFlow(XElement e, string id, ParseContext ctx)
    {
        CheckChildren(e, ctx, "conditionExpression");
        var condition = e.Element(Bpmn + "conditionExpression");
        EngineExpression? expression = null;
        if (condition is not null && !string.IsNullOrWhiteSpace(condition.Value))
        {
            if (!EngineExpression.IsExpression(condition.Value))
                ctx.Refuse(e, $"villkoret \"{condition.Value.Trim()}\" ska skrivas som ${{…}}");
            else expression = EngineExpression.Create(condition.Value, id, "villkor");
        }
        return new SequenceFlow
        {
            Id = id,
            SourceId = (string?)e.Attribute("sourceRef") ?? "",
            TargetId = (string?)e.Attribute("targetRef") ?? "",
            Line = Line(e),
            Condition = expression,
        };
    }

    private static FlowElement? ParseElement(XElement e, string id, string kind, string? scopeId, ParseContext ctx)
    {
        var common = (Name: (string?)e.Attribute("name"), Line: Line(e), Properties: Properties(e));
        string? C(string attribute) => (string?)e.Attribute(Camunda + attribute) is { Length: > 0 } v ? v : null;
        TextValue? T(string attribute, string field) => C(attribute) is { } v ? TextValue.Parse(v, id, field) : null;
        MultiInstance? loop = null;
        var isActivity = kind is "userTask" or "serviceTask" or "sendTask" or "businessRuleTask" or "manualTask" or "task" or "receiveTask"
            or "subProcess" or "callActivity";
        if (isActivity) loop = ParseLoop(e, id, ctx);

        switch (kind)
        {
            case "startEvent":
                CheckChildren(e, ctx, "timerEventDefinition", "messageEventDefinition");
                var trigger = ParseEventDefinition(e, id, ctx);
                if (scopeId is not null && trigger is not null) ctx.Refuse(e, "en starthändelse i en underprocess kan inte ha timer eller meddelande");
                return new StartEvent { Id = id, Kind = kind, Name = common.Name, Line = common.Line, ScopeId = scopeId, Properties = common.Properties, Trigger = trigger };
            case "endEvent":
                CheckChildren(e, ctx, "terminateEventDefinition", "errorEventDefinition");
                return new EndEvent { Id = id, Kind = kind, Name = common.Name, Line = common.Line, ScopeId = scopeId, Properties = common.Properties, Result = ParseEventDefinition(e, id, ctx) };
            case "intermediateCatchEvent":
                CheckChildren(e, ctx, "timerEventDefinition", "messageEventDefinition");
                var catchTrigger = ParseEventDefinition(e, id, ctx);
                if (catchTrigger is null) { ctx.Refuse(e, "en mellanliggande händelse måste vänta på en timer eller ett meddelande"); return null; }
                return new IntermediateCatchEvent { Id = id, Kind = kind, Name = common.Name, Line = common.Line, ScopeId = scopeId, Properties = common.Properties, Trigger = catchTrigger };
            case "boundaryEvent":
                CheckChildren(e, ctx, "timerEventDefinition", "messageEventDefinition", "errorEventDefinition");
                var boundaryTrigger = ParseEventDefinition(e, id, ctx);
                if (boundaryTrigger is null) { ctx.Refuse(e, "en gränshändelse måste vara timer, meddelande eller fel"); return null; }
                var interrupting = (string?)e.Attribute("cancelActivity") != "false";
                if (boundaryTrigger is ErrorDefinition && !interrupting) ctx.Refuse(e, "en felgränshändelse avbryter alltid aktiviteten");
                return new BoundaryEvent
                {
                    Id = id, Kind = kind, Name = common.Name, Line = common.Line, ScopeId = scopeId, Properties = common.Properties,
                    AttachedToId = (string?)e.Attribute("attachedToRef") ?? "", Interrupting = interrupting, Trigger = boundaryTrigger,
                };
            case "userTask":
                CheckChildren(e, ctx, "multiInstanceLoopCharacteristics");
                var owners = ResourceAssignment(e, id);
                if (C("formKey") is not null && C("formRef") is not null) ctx.Refuse(e, "ange antingen camunda:formKey eller camunda:formRef, inte båda");
                var formBinding = C("formRefBinding") ?? "latest";
                if (formBinding is not ("latest" or "deployment" or "version"))
                    ctx.Refuse(e, $"camunda:formRefBinding=\"{formBinding}\" finns inte; välj latest, deployment eller version");
                int? formVersion = null;
                if (formBinding == "version")
                {
                    if (int.TryParse(C("formRefVersion"), out var v) && v > 0) formVersion = v;
                    else ctx.Refuse(e, "camunda:formRefBinding=\"version\" behöver camunda:formRefVersion med ett versionsnummer (1, 2, …)");
                }
                return new UserTask
                {
                    Id = id, Kind = kind, Name = common.Name, Line = common.Line, ScopeId = scopeId, Properties = common.Properties, MultiInstance = loop,
                    Assignee = T("assignee", "assignee") ?? owners.Assignee, CandidateUsers = T("candidateUsers", "candidateUsers") ?? owners.Users,
                    CandidateGroups = T("candidateGroups", "candidateGroups") ?? owners.Groups, DueDate = T("dueDate", "dueDate"), FormKey = C("formKey") ?? C("formRef"),
                    FormRefBinding = C("formRef") is null ? null : formBinding, FormRefVersion = formVersion,
                };
            case "serviceTask" or "sendTask":
                CheckChildren(e, ctx, "multiInstanceLoopCharacteristics");
                var handler = C("type") ?? (C("delegateExpression") is { } d ? (EngineExpression.IsExpression(d) ? d.Trim()[2..^1].Trim() : d) : null);
                if (handler is null && kind == "serviceTask")
                    ctx.Refuse(e, "serviceTask saknar hanterare: ange camunda:type eller camunda:delegateExpression=\"${namn}\"");
                return new ServiceTask { Id = id, Kind = kind, Name = common.Name, Line = common.Line, ScopeId = scopeId, Properties = common.Properties, MultiInstance = loop, Handler = handler };
            case "manualTask" or "task":
                CheckChildren(e, ctx, "multiInstanceLoopCharacteristics");
                return new ManualTask { Id = id, Kind = kind, Name = common.Name, Line = common.Line, ScopeId = scopeId, Properties = common.Properties, MultiInstance = loop };
            case "receiveTask":
                CheckChildren(e, ctx, "multiInstanceLoopCharacteristics");
                var receiveRef = (string?)e.Attribute("messageRef");
                if (receiveRef is null || !ctx.Messages.TryGetValue(receiveRef, out var receiveName) || string.IsNullOrEmpty(receiveName))
                {
                    ctx.Refuse(e, "mottagningsuppgiften saknar ett meddelande med namn (messageRef)");
                    return null;
                }
                return new ReceiveTask
                {
                    Id = id, Kind = kind, Name = common.Name, Line = common.Line, ScopeId = scopeId, Properties = common.Properties, MultiInstance = loop,
                    MessageName = receiveName,
                };
            case "businessRuleTask":
                CheckChildren(e, ctx, "multiInstanceLoopCharacteristics");
                var decisionRef = C("decisionRef");
                if (decisionRef is null) { ctx.Refuse(e, "businessRuleTask saknar camunda:decisionRef (regelverkets namn)"); return null; }
                var binding = C("decisionRefBinding");
                var version = binding == "version" ? C("decisionRefVersion") : null;
                if (binding == "version" && version is null) ctx.Refuse(e, "decisionRefBinding=\"version\" kräver camunda:decisionRefVersion");
                return new BusinessRuleTask
                {
                    Id = id, Kind = kind, Name = common.Name, Line = common.Line, ScopeId = scopeId, Properties = common.Properties, MultiInstance = loop,
                    DecisionRef = decisionRef, Version = version, ResultVariable = C("resultVariable") ?? decisionRef,
                    AsOf = common.Properties.TryGetValue("asOf", out var asOf) ? TextValue.Parse(asOf, id, "asOf") : null,
                };
            case "exclusiveGateway":
                CheckChildren(e, ctx);
                return new ExclusiveGateway { Id = id, Kind = kind, Name = common.Name, Line = common.Line, ScopeId = scopeId, Properties = common.Properties, DefaultFlowId = (string?)e.Attribute("default") };
            case "inclusiveGateway":
                CheckChildren(e, ctx);
                return new InclusiveGateway { Id = id, Kind = kind, Name = common.Name, Line = common.Line, ScopeId = scopeId, Properties = common.Properties, DefaultFlowId = (string?)e.Attribute("default") };
            case "parallelGateway":
                CheckChildren(e, ctx);
                return new ParallelGateway { Id = id, Kind = kind, Name = common.Name, Line = common.Line, ScopeId = scopeId, Properties = common.Properties };
            case "eventBasedGateway":
                CheckChildren(e, ctx);
                return new EventBasedGateway { Id = id, Kind = kind, Name = common.Name, Line = common.Line, ScopeId = scopeId, Properties = common.Properties };
            case "subProcess":
                if ((string?)e.Attribute("triggeredByEvent") == "true") { ctx.Refuse(e, "händelseunderprocesser stöds inte"); return null; }
                var starts = e.Elements(Bpmn + "startEvent").ToList();
                if (starts.Count != 1) { ctx.Refuse(e, "en underprocess behöver exakt en starthändelse"); return null; }
                return new SubProcess
                {
                    Id = id, Kind = kind, Name = common.Name, Line = common.Line, ScopeId = scopeId, Properties = common.Properties, MultiInstance = loop,
                    StartEventId = (string?)starts[0].Attribute("id") ?? "",
                };
            case "callActivity":
                CheckChildren(e, ctx, "multiInstanceLoopCharacteristics");
                var called = (string?)e.Attribute("calledElement");
                if (string.IsNullOrEmpty(called)) { ctx.Refuse(e, "callActivity saknar calledElement (processens id)"); return null; }
                var ext = e.Element(Bpmn + "extensionElements");
                List<KeyValuePair<string, string>> Map(string tag) => ext?.Elements(Camunda + tag)
                    .Where(m => m.Attribute("source") is not null)
                    .Select(m => new KeyValuePair<string, string>((string)m.Attribute("source")!, (string?)m.Attribute("target") ?? (string)m.Attribute("source")!))
                    .ToList() ?? [];
                return new CallActivity { Id = id, Kind = kind, Name = common.Name, Line = common.Line, ScopeId = scopeId, Properties = common.Properties, MultiInstance = loop, CalledElement = called, In = Map("in"), Out = Map("out") };
            default:
                ctx.Refuse(e, $"elementet {kind} stöds inte av InsatsFlow");
                return null;
        }
    }

    /// <summary>
    /// BPMN's own resource assignment, as other modelers write it: <c>potentialOwner</c> gives candidates, <c>humanPerformer</c>
    /// the assignee. A formal expression lists <c>user(x)</c> and <c>group(y)</c>, comma-separated; a bare name is a group,
    /// as in Camunda. The camunda attributes win when both are given.
    /// </summary>
    private static (TextValue? Assignee, TextValue? Users, TextValue? Groups) ResourceAssignment(XElement task, string id)
    {
        static string? Formal(XElement? role) =>
            role?.Descendants(Bpmn + "formalExpression").FirstOrDefault()?.Value.Trim() is { Length: > 0 } text ? text : null;

        TextValue? assignee = null, users = null, groups = null;
        if (Formal(task.Element(Bpmn + "humanPerformer")) is { } performer)
            assignee = TextValue.Parse(Unwrap(performer, "user"), id, "humanPerformer");
        if (Formal(task.Element(Bpmn + "potentialOwner")) is { } owner)
        {
            if (EngineExpression.IsExpression(owner)) groups = TextValue.Parse(owner, id, "potentialOwner");
            else
            {
                var parts = owner.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var u = parts.Where(p => p.StartsWith("user(", StringComparison.Ordinal)).Select(p => Unwrap(p, "user")).ToList();
                var g = parts.Where(p => !p.StartsWith("user(", StringComparison.Ordinal)).Select(p => Unwrap(p, "group")).ToList();
                if (u.Count > 0) users = TextValue.Parse(string.Join(",", u), id, "potentialOwner");
                if (g.Count > 0) groups = TextValue.Parse(string.Join(",", g), id, "potentialOwner");
            }
        }
        return (assignee, users, groups);
    }

    private static string Unwrap(string text, string function) =>
        text.StartsWith(function + "(", StringComparison.Ordinal) && text.EndsWith(')') ? text[(function.Length + 1)..^1].Trim() : text;

    private static void CheckChildren(XElement e, ParseContext ctx, params string[] allowed)
    {
        foreach (var child in e.Elements().Where(c => c.Name.Namespace == Bpmn))
        {
            var name = child.Name.LocalName;
            if (Drawn.Contains(name) || allowed.Contains(name)) continue;
            if (name == "subProcess" && e.Name.LocalName == "subProcess") continue;
            ctx.Refuse((string?)e.Attribute("id"), Line(child), $"{name} i {e.Name.LocalName} stöds inte");
        }
    }

    private static MultiInstance? ParseLoop(XElement e, string id, ParseContext ctx)
    {
        var loop = e.Element(Bpmn + "multiInstanceLoopCharacteristics");
        if (loop is null)
        {
            if (e.Element(Bpmn + "standardLoopCharacteristics") is { } standard)
                ctx.Refuse(id, Line(standard), "standardloopar stöds inte; använd multi-instans över en samling");
            return null;
        }
        var collection = (string?)loop.Attribute(Camunda + "collection");
        if (string.IsNullOrWhiteSpace(collection))
        {
            ctx.Refuse(id, Line(loop), "multi-instans kräver camunda:collection (en lista att gå igenom)");
            return null;
        }
        return new MultiInstance
        {
            Sequential = (string?)loop.Attribute("isSequential") == "true",
            Collection = EngineExpression.Create(EngineExpression.IsExpression(collection) ? collection : "${" + collection + "}", id, "collection"),
            ElementVariable = (string?)loop.Attribute(Camunda + "elementVariable") ?? "item",
        };
    }

    private static EventDefinition? ParseEventDefinition(XElement e, string id, ParseContext ctx)
    {
        var definitions = e.Elements().Where(c => c.Name.Namespace == Bpmn && c.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal)).ToList();
        if (definitions.Count == 0) return null;
        if (definitions.Count > 1) { ctx.Refuse(e, "flera händelsedefinitioner på samma händelse stöds inte"); return null; }
        var d = definitions[0];
        switch (d.Name.LocalName)
        {
            case "terminateEventDefinition":
                return new TerminateDefinition();
            case "messageEventDefinition":
                var messageRef = (string?)d.Attribute("messageRef");
                if (messageRef is null || !ctx.Messages.TryGetValue(messageRef, out var messageName) || string.IsNullOrEmpty(messageName))
                {
                    ctx.Refuse(e, "meddelandehändelsen saknar ett meddelande med namn (messageRef)");
                    return null;
                }
                return new MessageDefinition(messageName);
            case "errorEventDefinition":
                var errorRef = (string?)d.Attribute("errorRef");
                if (errorRef is null) return new ErrorDefinition(null);
                if (!ctx.Errors.TryGetValue(errorRef, out var code)) { ctx.Refuse(e, $"felet {errorRef} finns inte"); return null; }
                return new ErrorDefinition(code);
            case "timerEventDefinition":
                foreach (var (tag, kind) in new[] { ("timeDate", TimerKind.Date), ("timeDuration", TimerKind.Duration), ("timeCycle", TimerKind.Cycle) })
                {
                    var value = d.Element(Bpmn + tag);
                    if (value is null) continue;
                    if (string.IsNullOrWhiteSpace(value.Value)) { ctx.Refuse(e, $"timern saknar värde ({tag})"); return null; }
                    var text = TextValue.Parse(value.Value, id, tag);
                    if (text.Literal is { } literal && TimerSchedule.CheckLiteral(kind, literal) is { } problem) ctx.Refuse(id, Line(value), problem);
                    return new TimerDefinition(kind, text);
                }
                ctx.Refuse(e, "timern saknar timeDate, timeDuration eller timeCycle");
                return null;
            default:
                ctx.Refuse(e, $"{d.Name.LocalName} stöds inte");
                return null;
        }
    }

    private static IReadOnlyDictionary<string, string> Properties(XElement e)
    {
        var props = e.Element(Bpmn + "extensionElements")?.Element(Camunda + "properties");
        if (props is null) return new Dictionary<string, string>();
        return props.Elements(Camunda + "property")
            .Where(p => p.Attribute("name") is not null)
            .GroupBy(p => (string)p.Attribute("name")!)
            .ToDictionary(g => g.Key, g => (string?)g.Last().Attribute("value") ?? "");
    }
}
