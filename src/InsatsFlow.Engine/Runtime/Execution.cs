using InsatsFlow.Engine.Behaviours;
using InsatsFlow.Engine.Expressions;
using InsatsFlow.Engine.Journal;
using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Store;
using InsatsFlow.Engine.Time;

namespace InsatsFlow.Engine.Runtime;

/// <summary>
/// One command's run: the instances it touched, the loop that moves their tokens until every token waits,
/// and the bookkeeping (journal, timers, subscriptions, incidents) the element behaviours ask for.
/// The loop knows no element kind by name; it asks <see cref="BehaviourCatalog"/>.
/// </summary>
internal sealed class Execution(
    IEngineStore store, IUnitOfWork? unit, DefinitionRegistry registry, DateTimeOffset now, string? userId, CancellationToken ct)
{
    private readonly Dictionary<string, LiveInstance> instances = [];
    private int steps;

    public IEngineStore Store => store;
    public IServiceProvider? Services => unit?.Services;
    public DefinitionRegistry Registry => registry;
    public ExpressionHost Host => registry.Host;
    public DateTimeOffset Now => now;
    public string? UserId => userId;
    public CancellationToken Ct => ct;

    /// <summary>Tasks this command created, in order: the command's result names its open tasks from these when it can.</summary>
    public List<TaskItem> TasksCreated { get; } = [];

    /// <summary>Variables this command brought in: an expression failing on them is bad input, not an incident.</summary>
    public HashSet<string> InputVariables { get; } = [];

    public IEnumerable<LiveInstance> Instances => instances.Values;

    // ---- instances ----

    public async Task<LiveInstance> LoadAsync(string instanceId)
    {
        if (instances.TryGetValue(instanceId, out var live)) return live;
        var record = await store.FindInstanceAsync(instanceId, ct) ?? throw new EngineNotFoundException($"Instansen {instanceId} finns inte.");
        var definition = await registry.FindAsync(store, record.DefinitionId, ct)
            ?? throw new EngineException($"Definitionen {record.DefinitionId} för instansen {instanceId} finns inte.");
        live = new LiveInstance(record, definition, registry.Get(definition), InstanceState.FromJson(record.StateJson));
        instances[instanceId] = live;
        return live;
    }

    public LiveInstance CreateInstance(ProcessDefinition definition, ProcessModel model, string? businessKey,
        Dictionary<string, object?> variables, string? parentInstanceId = null, string? parentTokenId = null, string? tenantId = null)
    {
        var record = new ProcessInstance
        {
            Id = NewId(), DefinitionId = definition.Id, DefinitionKey = definition.Key, DefinitionVersion = definition.Version,
            BusinessKey = businessKey, Status = InstanceStatus.Running, StartedAt = now, StartedBy = userId,
            ParentInstanceId = parentInstanceId, ParentTokenId = parentTokenId,
            TenantId = tenantId
                ?? (parentInstanceId is not null && instances.TryGetValue(parentInstanceId, out var parent) ? parent.Record.TenantId : null)
                ?? (variables.TryGetValue(registry.Options.TenantVariable, out var tenant) && tenant is not null ? tenant.ToString() : null),
        };
        store.Add(record);
        var live = new LiveInstance(record, definition, model, new InstanceState { Variables = variables }) { Changed = true };
        instances[record.Id] = live;
        Journal(live, null, "instance-started", new Dictionary<string, object?>
        {
            ["definition"] = definition.Id, ["businessKey"] = businessKey, ["variables"] = variables, ["parentInstance"] = parentInstanceId,
        });
        return live;
    }

    public Token Spawn(LiveInstance live, string elementId, string? parentId, string? arrivedVia = null)
    {
        var token = new Token { Id = NewId(), ElementId = elementId, ParentId = parentId, Status = TokenStatus.Ready, ArrivedVia = arrivedVia };
        live.State.Tokens.Add(token);
        live.Ready.Enqueue(token);
        live.Changed = true;
        return token;
    }

    // ---- the loop ----

    /// <summary>Moves every ready token of every touched instance until all of them wait.</summary>
    public async Task RunAsync()
    {
        bool progressed;
        do
        {
            progressed = false;
            foreach (var live in instances.Values.ToList())
            {
                while (live.Ready.TryDequeue(out var token))
                {
                    if (token.Status != TokenStatus.Ready || !live.State.Tokens.Contains(token)) continue;
                    progressed = true;
                    await EnterAsync(live, token);
                }
                if (InclusiveJoin.FireWhereNothingElseCanArrive(this, live)) progressed = true;
            }
        } while (progressed);
    }

    private async Task EnterAsync(LiveInstance live, Token token)
    {
        var element = live.Model[token.ElementId];
        live.Changed = true;
        if (++steps > registry.Options.StepBudget)
        {
            await RaiseIncidentAsync(live, token, element, new EngineException(
                $"Slinga utan väntläge: {element.Id} nåddes efter {registry.Options.StepBudget} steg i ett och samma kommando " +
                "(gränsen StegPerKommando). Processen måste vänta någonstans, på en uppgift, en timer eller ett meddelande."));
            return;
        }
        Journal(live, element.Id, "element-entered", token.Inner ? new() { ["loopCounter"] = token.Locals?.GetValueOrDefault("loopCounter") } : null);
        try
        {
            if (element.MultiInstance is not null && !token.Inner) await MultiInstanceBody.EnterAsync(this, live, token, element);
            else await BehaviourCatalog.For(element).EnterAsync(this, live, token, element);
            if (token.Status == TokenStatus.Waiting && !token.Inner && element.Boundaries.Count > 0 && live.State.Tokens.Contains(token)
                && live.Model[token.ElementId] == element)
                await ArmBoundariesAsync(live, token, element);
        }
        catch (Exception e)
        {
            if (!IsIncident(e)) throw;
            await RaiseIncidentAsync(live, token, element, e);
        }
    }

    /// <summary>Ends a token's wait: the behaviour of <paramref name="element"/> (the catching element) decides what follows.</summary>
    public async Task TriggerAsync(LiveInstance live, Token token, FlowElement element, Trigger trigger)
    {
        live.Changed = true;
        try
        {
            await BehaviourCatalog.For(element).TriggerAsync(this, live, token, element, trigger);
        }
        catch (Exception e)
        {
            if (!IsIncident(e)) throw;
            await RaiseIncidentAsync(live, token, live.Model[token.ElementId], e);
        }
    }

    private bool IsIncident(Exception e)
    {
        if (e is ExpressionEvaluationException x && x.VariableNames.Any(InputVariables.Contains))
            throw new EngineValidationException(x.Message, x);
        return e is not (EngineValidationException or EngineConflictException or OperationCanceledException or IdempotencyKeyTakenException);
    }

    // ---- moving on ----

    /// <summary>The token leaves its element along <paramref name="flows"/> (default: all outgoing flows).</summary>
    public async Task LeaveAsync(LiveInstance live, Token token, IReadOnlyList<SequenceFlow>? flows = null)
    {
        await ReleaseAsync(live, token);
        token.Joined = false;
        if (token.Inner)
        {
            await MultiInstanceBody.InnerFinishedAsync(this, live, token);
            return;
        }
        flows ??= live.Model[token.ElementId].Outgoing;
        if (flows.Count == 0)
        {
            await EndTokenAsync(live, token);
            return;
        }
        Move(live, token, flows[0]);
        foreach (var flow in flows.Skip(1)) Spawn(live, flow.TargetId, token.ParentId, flow.Id);
    }

    private static void Move(LiveInstance live, Token token, SequenceFlow flow)
    {
        token.ElementId = flow.TargetId;
        token.ArrivedVia = flow.Id;
        token.Status = TokenStatus.Ready;
        live.Ready.Enqueue(token);
    }

    /// <summary>The token is consumed; when it was the last of its scope, the scope (or instance) completes.</summary>
    public async Task EndTokenAsync(LiveInstance live, Token token)
    {
        await ReleaseAsync(live, token);
        live.State.Tokens.Remove(token);
        live.Changed = true;
        await ScopeMayBeDoneAsync(live, token.ParentId);
    }

    public async Task ScopeMayBeDoneAsync(LiveInstance live, string? scopeTokenId)
    {
        if (scopeTokenId is null)
        {
            if (live.State.Tokens.Count == 0 && live.Record.Status == InstanceStatus.Running) await CompleteInstanceAsync(live);
            return;
        }
        var scope = live.FindToken(scopeTokenId);
        if (scope is null || live.State.Tokens.Any(t => t.ParentId == scope.Id)) return;
        await TriggerAsync(live, scope, live.Model[scope.ElementId], new ScopeCompleted());
    }

    private async Task CompleteInstanceAsync(LiveInstance live)
    {
        live.Record.Status = InstanceStatus.Completed;
        live.Record.EndedAt = now;
        Journal(live, null, "instance-completed", null);
        if (live.Record.ParentInstanceId is { } parentId)
        {
            var parent = await LoadAsync(parentId);
            var callToken = parent.FindToken(live.Record.ParentTokenId);
            if (callToken is not null)
                await TriggerAsync(parent, callToken, parent.Model[callToken.ElementId], new CalledInstanceCompleted(live.State.Variables));
        }
    }

    /// <summary>Removes a token and everything under it (inner tokens, tasks, timers, subscriptions, called instances).</summary>
    public async Task CancelTokenAsync(LiveInstance live, Token token, string reason)
    {
        foreach (var child in live.Children(token).ToList()) await CancelTokenAsync(live, child, reason);
        await ReleaseAsync(live, token);
        if (token.IncidentId is { } incidentId && await store.FindIncidentAsync(incidentId, ct) is { ResolvedAt: null } incident)
            incident.ResolvedAt = now;
        if (token.CalledInstanceId is { } calledId)
        {
            var called = await LoadAsync(calledId);
            await CancelInstanceAsync(called, reason);
        }
        live.State.Tokens.Remove(token);
        live.Changed = true;
        Journal(live, token.ElementId, "token-cancelled", new() { ["reason"] = reason });
    }

    public async Task CancelInstanceAsync(LiveInstance live, string reason)
    {
        foreach (var token in live.State.Tokens.Where(t => t.ParentId is null).ToList()) await CancelTokenAsync(live, token, reason);
        live.Record.Status = InstanceStatus.Cancelled;
        live.Record.EndedAt = now;
        live.Changed = true;
        Journal(live, null, "instance-cancelled", new() { ["reason"] = reason });
    }

    /// <summary>Takes a boundary event of an activity token: interrupting cancels the activity first.</summary>
    public async Task TakeBoundaryAsync(LiveInstance live, Token activityToken, BoundaryEvent boundary, IReadOnlyDictionary<string, object?>? payload = null)
    {
        if (boundary.Interrupting) await CancelTokenAsync(live, activityToken, $"avbruten av {boundary.Id}");
        var token = new Token { Id = NewId(), ElementId = boundary.Id, ParentId = activityToken.ParentId, Status = TokenStatus.Waiting };
        live.State.Tokens.Add(token);
        Journal(live, boundary.Id, "boundary-triggered", new() { ["interrupting"] = boundary.Interrupting, ["attachedTo"] = boundary.AttachedToId, ["data"] = payload });
        await LeaveAsync(live, token);
    }

    /// <summary>A BPMN error: caught by the nearest error boundary outward (through called instances), else an incident.</summary>
    public async Task ThrowErrorAsync(LiveInstance live, Token thrower, string errorCode, string? message)
    {
        Journal(live, thrower.ElementId, "error-thrown", new() { ["errorCode"] = errorCode, ["message"] = message });
        var current = thrower;
        var currentLive = live;
        while (true)
        {
            if (!current.Inner)
            {
                var boundary = currentLive.Model[current.ElementId].Boundaries
                    .FirstOrDefault(b => b.Trigger is ErrorDefinition e && (e.ErrorCode is null || e.ErrorCode == errorCode));
                if (boundary is not null)
                {
                    await TakeBoundaryAsync(currentLive, current, boundary, new Dictionary<string, object?> { ["errorCode"] = errorCode });
                    return;
                }
            }
            if (currentLive.FindToken(current.ParentId) is { } parent) { current = parent; continue; }
            if (currentLive.Record.ParentInstanceId is { } parentInstanceId
                && await LoadAsync(parentInstanceId) is var parentLive && parentLive.FindToken(currentLive.Record.ParentTokenId) is { } callToken)
            {
                currentLive = parentLive;
                current = callToken;
                continue;
            }
            throw new EngineException($"Felet {errorCode} fångas inte av någon felgränshändelse{(message is null ? "" : $": {message}")}");
        }
    }

    // ---- things bound to a token ----

    public async Task ArmTimerAsync(LiveInstance live, Token token, string elementId, TimerDefinition timer)
    {
        var value = timer.Value.Expression is { } x ? x.Evaluate(Host, Lookup(live, token), now) : timer.Value.Literal;
        TimerSchedule.Due due;
        try { due = TimerSchedule.Compute(timer.Kind, value, now, Host.TimeZone); }
        catch (EngineException e) { throw new EngineException($"Timern {elementId}: {e.Message}"); }
        AddTimer(live.Definition.Id, live.Record.Id, token, elementId, due);
    }

    public TimerJob AddTimer(string definitionId, string? instanceId, Token? token, string elementId, TimerSchedule.Due due)
    {
        var job = new TimerJob
        {
            Id = NewId(), DefinitionId = definitionId, InstanceId = instanceId, TokenId = token?.Id, ElementId = elementId,
            DueAt = due.At, Period = due.Period, Repeats = due.Repeats, State = TimerState.Pending,
        };
        store.Add(job);
        store.Add(Jobs.EngineTimerJobs.For(job, now)); // the job executor fires it: one row, written in this command
        if (token is not null) token.HasTimers = true;
        return job;
    }

    public void Subscribe(LiveInstance live, Token token, string elementId, string messageName)
    {
        store.Add(new MessageSubscription
        {
            Id = NewId(), InstanceId = live.Record.Id, TokenId = token.Id, ElementId = elementId,
            MessageName = messageName, BusinessKey = live.Record.BusinessKey, CreatedAt = now,
        });
        token.HasSubscriptions = true;
    }

    private async Task ArmBoundariesAsync(LiveInstance live, Token token, FlowElement element)
    {
        foreach (var boundary in element.Boundaries)
        {
            switch (boundary.Trigger)
            {
                case TimerDefinition timer: await ArmTimerAsync(live, token, boundary.Id, timer); break;
                case MessageDefinition message: Subscribe(live, token, boundary.Id, message.MessageName); break;
            }
        }
    }

    /// <summary>Cancels the timers, subscriptions and open tasks bound to a token that moves on.</summary>
    public async Task ReleaseAsync(LiveInstance live, Token token, string? exceptElementId = null)
    {
        if (token.HasTimers)
            foreach (var timer in await store.PendingTimersAsync(live.Record.Id, null, ct))
                if (timer.TokenId == token.Id && timer.ElementId != exceptElementId)
                {
                    timer.State = TimerState.Cancelled;
                    timer.Version++;
                }
        if (token.HasSubscriptions)
            foreach (var subscription in await store.SubscriptionsAsync(live.Record.Id, null, null, ct))
                if (subscription.TokenId == token.Id) store.Remove(subscription);
        if (token.HasTask)
            foreach (var task in await store.TasksAsync(new TaskFilter(InstanceId: live.Record.Id), ct))
                if (task.TokenId == token.Id)
                {
                    task.State = TaskState.Cancelled;
                    task.CompletedAt = now;
                    task.Version++;
                }
        token.HasTimers = token.HasSubscriptions = token.HasTask = false;
    }

    // ---- variables and expressions ----

    // One rule everywhere (expressions, service and rule tasks, call activity, multi-instance): the innermost scope wins —
    // the token's own locals, then those of each enclosing scope outward, then the instance's variables.

    public VariableLookup Lookup(LiveInstance live, Token? token) => (string name, out object? value) =>
    {
        for (var t = token; t is not null; t = live.FindToken(t.ParentId))
            if (t.Locals is not null && t.Locals.TryGetValue(name, out value)) return true;
        return live.State.Variables.TryGetValue(name, out value);
    };

    /// <summary>Every variable <paramref name="token"/> sees, by the same rule as <see cref="Lookup"/>.</summary>
    public Dictionary<string, object?> Visible(LiveInstance live, Token? token)
    {
        var scopes = new List<Dictionary<string, object?>>();
        for (var t = token; t is not null; t = live.FindToken(t.ParentId))
            if (t.Locals is not null) scopes.Add(t.Locals);
        var visible = new Dictionary<string, object?>(live.State.Variables);
        for (var i = scopes.Count - 1; i >= 0; i--)
            foreach (var (name, value) in scopes[i]) visible[name] = value;
        return visible;
    }

    // ---- handlers ----

    /// <summary>Runs a handler on a child of the command's unit of work: its writes join the command only if it returns.</summary>
    public Task<T> StageAsync<T>(Func<IServiceProvider, Task<T>> work) =>
        unit is null ? throw new EngineException("Hanterare kan bara köras i ett kommando.") : unit.StageAsync(work, ct);

    public object? Evaluate(LiveInstance live, Token? token, EngineExpression expression) =>
        expression.Evaluate(Host, Lookup(live, token), now);

    public object? Evaluate(LiveInstance live, Token? token, TextValue? value) =>
        value is null ? null : value.Expression is { } x ? Evaluate(live, token, x) : value.Literal;

    public void SetVariables(LiveInstance live, IReadOnlyDictionary<string, object?>? variables)
    {
        if (variables is null) return;
        foreach (var (name, value) in variables) live.State.Variables[name] = value;
        live.Changed = true;
    }

    // ---- incidents and journal ----

    private async Task RaiseIncidentAsync(LiveInstance live, Token token, FlowElement element, Exception e)
    {
        var message = e is EngineException ? e.Message : $"{e.GetType().Name}: {e.Message}";
        var incident = new Incident { Id = NewId(), InstanceId = live.Record.Id, TenantId = live.Record.TenantId, TokenId = token.Id, ElementId = element.Id, Message = message, CreatedAt = now };
        store.Add(incident);
        token.Status = TokenStatus.Incident;
        token.IncidentId = incident.Id;
        live.Changed = true;
        Journal(live, element.Id, "incident-raised", new() { ["incident"] = incident.Id, ["message"] = message });
        await Task.CompletedTask;
    }

    public void Journal(LiveInstance live, string? elementId, string @event, Dictionary<string, object?>? payload, string? user = null)
    {
        var record = live.Record;
        var entry = new JournalEntry
        {
            InstanceId = record.Id,
            TenantId = record.TenantId,
            Sequence = record.JournalSequence + 1,
            At = new DateTimeOffset(now.UtcTicks - now.UtcTicks % 10, TimeSpan.Zero),
            ElementId = elementId,
            Event = @event,
            UserId = user ?? userId,
            Payload = VariableValues.ToJson(payload ?? new Dictionary<string, object?>()),
            PreviousHash = record.JournalHash,
        };
        entry.Hash = JournalChain.Hash(entry.PreviousHash, entry);
        record.JournalSequence = entry.Sequence;
        record.JournalHash = entry.Hash;
        store.Add(entry);
        live.Changed = true;
    }

    /// <summary>Writes each touched instance's tokens and variables back to its row and bumps its version.</summary>
    public void Flush()
    {
        foreach (var live in instances.Values.Where(l => l.Changed))
        {
            live.Record.StateJson = live.State.ToJson();
            live.Record.Version++;
        }
    }

    public static string NewId() => Guid.CreateVersion7().ToString("N");
}
