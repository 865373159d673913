using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Runtime;
using InsatsFlow.Engine.Store;

namespace InsatsFlow.Engine.Migration;

/// <summary>One token's move: from an element of the old version to one of the new.</summary>
public sealed record MigrationStep(string TokenId, string From, string To, string Kind);

/// <summary>What a migration would do (the dry run), and why it cannot, if it cannot.</summary>
public sealed record MigrationPlan(
    string InstanceId,
    string SourceDefinitionId,
    string TargetDefinitionId,
    IReadOnlyList<MigrationStep> Steps,
    IReadOnlyDictionary<string, string> TimersKept,
    IReadOnlyList<string> TimersCancelled,
    IReadOnlyList<string> Problems)
{
    public bool Valid => Problems.Count == 0;
}

/// <summary>
/// Moves a running instance to another version: every active element must be mapped (explicitly, or to the
/// same id) onto an element of the same kind in the matching scope; boundary timers stay where their event is mapped.
/// </summary>
internal static class InstanceMigration
{
    public static async Task<MigrationPlan> PlanAsync(Execution x, string instanceId, string targetDefinitionId, IReadOnlyDictionary<string, string> mapping)
    {
        var live = await x.LoadAsync(instanceId);
        var target = await x.Store.FindDefinitionAsync(targetDefinitionId, x.Ct)
            ?? throw new EngineNotFoundException($"Definitionen {targetDefinitionId} finns inte.");
        var problems = new List<string>();
        if (live.Record.Status != InstanceStatus.Running) problems.Add($"instansen är {live.Record.Status}, inte pågående");
        if (target.Key != live.Definition.Key) problems.Add($"målet {target.Id} är en annan process än {live.Definition.Key}");
        var targetModel = x.Registry.Get(target);
        foreach (var from in mapping.Keys.Where(k => !live.Model.Elements.ContainsKey(k)))
            problems.Add($"mappningen nämner {from}, som inte finns i {live.Definition.Id}");

        string? Map(string id) => mapping.TryGetValue(id, out var to) ? to : targetModel.Elements.ContainsKey(id) ? id : null;

        var steps = new List<MigrationStep>();
        foreach (var token in live.State.Tokens)
        {
            var source = live.Model[token.ElementId];
            var to = Map(token.ElementId);
            if (to is null) { problems.Add($"det aktiva elementet {token.ElementId} saknar mappning och finns inte i {target.Id}"); continue; }
            if (!targetModel.Elements.TryGetValue(to, out var destination)) { problems.Add($"{token.ElementId} mappas till {to}, som inte finns i {target.Id}"); continue; }
            if (destination.Kind != source.Kind)
                problems.Add($"{token.ElementId} är {source.Kind} men {to} är {destination.Kind}");
            if ((destination.MultiInstance is null) != (source.MultiInstance is null))
                problems.Add($"{token.ElementId} och {to} skiljer sig i multi-instans");
            var parent = live.FindToken(token.ParentId);
            var expectedScope = parent is null ? null : token.Inner ? destination.ScopeId : Map(parent.ElementId);
            if (destination.ScopeId != expectedScope)
                problems.Add($"{to} ligger inte i samma underprocess som {token.ElementId} efter mappningen");
            steps.Add(new MigrationStep(token.Id, token.ElementId, to, source.Kind));
        }

        var kept = new Dictionary<string, string>();
        var cancelled = new List<string>();
        foreach (var timer in await x.Store.PendingTimersAsync(instanceId, null, x.Ct))
        {
            var to = Map(timer.ElementId);
            var token = live.FindToken(timer.TokenId);
            var source = live.Model.Elements.GetValueOrDefault(timer.ElementId);
            if (source is BoundaryEvent boundary && token is not null)
            {
                var activity = Map(token.ElementId);
                if (to is not null && targetModel.Elements.GetValueOrDefault(to) is BoundaryEvent { Trigger: TimerDefinition } b && b.AttachedToId == activity)
                    kept[timer.Id] = to;
                else
                    cancelled.Add(timer.Id);
                _ = boundary;
            }
            else if (to is not null && targetModel.Elements.ContainsKey(to)) kept[timer.Id] = to;
            else problems.Add($"timern på {timer.ElementId} har ingen motsvarighet i {target.Id}");
        }
        return new MigrationPlan(instanceId, live.Definition.Id, target.Id, steps, kept, cancelled, problems);
    }

    public static async Task<LiveInstance> ApplyAsync(Execution x, MigrationPlan plan)
    {
        var live = await x.LoadAsync(plan.InstanceId);
        var target = (await x.Store.FindDefinitionAsync(plan.TargetDefinitionId, x.Ct))!;
        var targetModel = x.Registry.Get(target);
        var moves = plan.Steps.ToDictionary(s => s.TokenId, s => s.To);
        foreach (var token in live.State.Tokens) token.ElementId = moves[token.Id];
        foreach (var task in await x.Store.TasksAsync(new TaskFilter(InstanceId: live.Record.Id), x.Ct))
            if (moves.TryGetValue(task.TokenId, out var to)) { task.ElementId = to; task.Version++; }
        foreach (var timer in await x.Store.PendingTimersAsync(live.Record.Id, null, x.Ct))
        {
            if (plan.TimersKept.TryGetValue(timer.Id, out var to)) timer.ElementId = to;
            else timer.State = TimerState.Cancelled;
            timer.DefinitionId = target.Id;
            timer.Version++;
        }
        foreach (var subscription in await x.Store.SubscriptionsAsync(live.Record.Id, null, null, x.Ct))
        {
            var to = moves.GetValueOrDefault(subscription.TokenId) == subscription.ElementId ? subscription.ElementId
                : targetModel.Elements.ContainsKey(subscription.ElementId) ? subscription.ElementId : null;
            if (to is null) x.Store.Remove(subscription);
            else if (moves.TryGetValue(subscription.TokenId, out var moved) && live.Model.Elements.GetValueOrDefault(subscription.ElementId) is not BoundaryEvent)
                subscription.ElementId = moved;
        }
        x.Journal(live, null, "instance-migrated", new()
        {
            ["from"] = live.Definition.Id, ["to"] = target.Id,
            ["moves"] = plan.Steps.ToDictionary(s => s.TokenId, s => (object?)$"{s.From}->{s.To}"),
        });
        live.Definition = target;
        live.Model = targetModel;
        live.Record.DefinitionId = target.Id;
        live.Record.DefinitionVersion = target.Version;
        live.Changed = true;
        return live;
    }
}
