using InsatsFlow.Engine.Time;
using InsatsFlow.Engine.Expressions;
using InsatsFlow.Engine.Model;

namespace InsatsFlow.Engine.Parsing;

/// <summary>Checks a parsed process graph: flows connect, gateways lead somewhere, expressions compile.</summary>
internal static class BpmnValidator
{
    public static void Validate(ProcessModel model, BpmnParser.ParseContext ctx)
    {
        void Refuse(FlowElement e, string message) => ctx.Refuse(e.Id, e.Line, message);

        if (string.IsNullOrEmpty(model.Key)) ctx.Refuse(null, 0, "processen saknar id");
        if (!model.StartEvents().Any()) ctx.Refuse(model.Key, 0, "processen saknar starthändelse");

        foreach (var flow in model.Flows.Values)
        {
            if (model.Elements.TryGetValue(flow.SourceId, out var source) && model.Elements.TryGetValue(flow.TargetId, out var target)
                && source.ScopeId != target.ScopeId)
                ctx.Refuse(flow.Id, flow.Line, "flödet går över en underprocess gräns");
            if (flow.Condition is not null && source is not (ExclusiveGateway or InclusiveGateway))
                ctx.Refuse(flow.Id, flow.Line, "villkor stöds bara på flöden från exklusiva och inkluderande gateways");
            if (flow.Condition?.Validate(ctx.Host) is { } problem)
                ctx.Refuse(flow.Id, flow.Line, $"villkoret {flow.Condition.Text} kompilerar inte: {problem}");
        }

        foreach (var e in model.Elements.Values)
        {
            switch (e)
            {
                case StartEvent when e.Incoming.Count > 0: Refuse(e, "en starthändelse kan inte ha inkommande flöden"); break;
                case EndEvent when e.Outgoing.Count > 0: Refuse(e, "en sluthändelse kan inte ha utgående flöden"); break;
                case BoundaryEvent b:
                    if (b.Incoming.Count > 0) Refuse(e, "en gränshändelse kan inte ha inkommande flöden");
                    if (model.Elements.TryGetValue(b.AttachedToId, out var host) && host is not (UserTask or ServiceTask or ManualTask or ReceiveTask or BusinessRuleTask or SubProcess or CallActivity))
                        Refuse(e, $"en gränshändelse kan bara sitta på en aktivitet, inte på en {Elementtyper.Namn(host.Kind).ToLowerInvariant()}");
                    break;
                case UserTask u when u.Assignee is null && u.CandidateUsers is null && u.CandidateGroups is null:
                    Refuse(e, "användaruppgiften är inte tilldelad: ange camunda:assignee, camunda:candidateUsers eller camunda:candidateGroups");
                    break;
                case UserTask { DueDate.Literal: { } frist } when TimerSchedule.CheckLiteral(TimerKind.Duration, frist) is { } fel:
                    Refuse(e, $"camunda:dueDate \"{frist}\" är varken ett uttryck ${{…}} eller ett giltigt ISO 8601-värde: {fel}");
                    break;
                case EventBasedGateway:
                    foreach (var flow in e.Outgoing)
                        if (model.Elements.TryGetValue(flow.TargetId, out var t) && t is not IntermediateCatchEvent)
                            ctx.Refuse(flow.Id, flow.Line, "efter en händelsebaserad gateway måste det komma en timer- eller meddelandehändelse");
                    break;
            }
            if (e is ExclusiveGateway or InclusiveGateway or ParallelGateway or EventBasedGateway && e.Outgoing.Count == 0)
                Refuse(e, "gatewayen saknar utgående flöde");
            var defaultFlow = (e as ExclusiveGateway)?.DefaultFlowId ?? (e as InclusiveGateway)?.DefaultFlowId;
            if (defaultFlow is not null && e.Outgoing.All(f => f.Id != defaultFlow))
                Refuse(e, $"standardflödet {defaultFlow} går inte ut från gatewayen");
            if (defaultFlow is not null && model.Flows.TryGetValue(defaultFlow, out var df) && df.Condition is not null)
                ctx.Refuse(df.Id, df.Line, "standardflödet kan inte ha villkor");

            foreach (var expression in Expressions(e))
                if (expression.Validate(ctx.Host) is { } problem)
                    Refuse(e, $"uttrycket {expression.Text} ({expression.Field}) kompilerar inte: {problem}");
                else if (TryTime(expression, e, ctx) is { } fel)
                    Refuse(e, $"uttrycket {expression.Text} ({expression.Field}) ger ingen tidpunkt: {fel}");
        }
    }

    /// <summary>
    /// A due date or timer that reads no variables can be tried at deploy: one that throws (arbetsdagar(-3)) or does
    /// not give a time is refused here instead of becoming an incident in every instance that reaches it.
    /// </summary>
    private static string? TryTime(EngineExpression expression, FlowElement e, BpmnParser.ParseContext ctx)
    {
        TimerKind? kind = e switch
        {
            UserTask u when ReferenceEquals(u.DueDate?.Expression, expression) => TimerKind.Duration,
            StartEvent { Trigger: TimerDefinition t } when ReferenceEquals(t.Value.Expression, expression) => t.Kind,
            IntermediateCatchEvent { Trigger: TimerDefinition t } when ReferenceEquals(t.Value.Expression, expression) => t.Kind,
            BoundaryEvent { Trigger: TimerDefinition t } when ReferenceEquals(t.Value.Expression, expression) => t.Kind,
            _ => null,
        };
        if (kind is null || !expression.Identifiers.All(ctx.Host.FunctionNames.Contains)) return null;
        try
        {
            var now = DateTimeOffset.UtcNow;
            var value = expression.Evaluate(ctx.Host, (string _, out object? v) => { v = null; return false; }, now);
            TimerSchedule.Compute(kind.Value, value, now, ctx.Host.TimeZone);
            return null;
        }
        catch (Exception ex) when (ex is EngineException or ArgumentException or FormatException or InvalidOperationException)
        {
            return ExpressionMessages.Of(ex.InnerException ?? ex);
        }
    }

    private static IEnumerable<EngineExpression> Expressions(FlowElement e)
    {
        var texts = new List<TextValue?>();
        switch (e)
        {
            case UserTask u: texts.AddRange([u.Assignee, u.CandidateUsers, u.CandidateGroups, u.DueDate]); break;
            case BusinessRuleTask r: texts.Add(r.AsOf); break;
            case StartEvent { Trigger: TimerDefinition t }: texts.Add(t.Value); break;
            case IntermediateCatchEvent { Trigger: TimerDefinition t }: texts.Add(t.Value); break;
            case BoundaryEvent { Trigger: TimerDefinition t }: texts.Add(t.Value); break;
        }
        foreach (var t in texts)
            if (t?.Expression is { } x) yield return x;
        if (e.MultiInstance is { } mi) yield return mi.Collection;
    }
}
