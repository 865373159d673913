using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using InsatsFlow.Engine.Expressions;
using InsatsFlow.Engine.Journal;
using InsatsFlow.Engine.Migration;
using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Parsing;
using InsatsFlow.Engine.Runtime;
using InsatsFlow.Engine.Store;
using InsatsFlow.Engine.Time;

namespace InsatsFlow.Engine;

/// <summary>
/// The engine's front door, one per scope (request): every command runs the touched instances until every
/// token waits, then commits state, tasks, timers, journal and idempotency record in one SaveChanges.
/// </summary>
public sealed class ProcessEngine(
    IEngineStore store, DefinitionRegistry registry, IServiceProvider services, TimeProvider time, ITimerScheduler scheduler)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    // ---- deployment ----

    /// <summary>Deploys every process of a BPMN file; changed content gets a new version, unchanged keeps its version.</summary>
    public async Task<DeploymentResult> DeployAsync(string xml, string? resourceName = null, CancellationToken ct = default)
    {
        var models = BpmnParser.Parse(xml, resourceName, registry.Host);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(xml.ReplaceLineEndings("\n"))));
        var now = time.GetUtcNow();
        var deployed = new List<DeployedDefinition>();
        var x = new Execution(store, registry, services, now, null, ct);
        try
        {
            foreach (var model in models)
            {
                var latest = await store.FindLatestDefinitionAsync(model.Key, ct);
                if (latest?.ContentHash == hash)
                {
                    deployed.Add(new DeployedDefinition(latest.Id, latest.Key, latest.Version, false));
                    continue;
                }
                var version = (latest?.Version ?? 0) + 1;
                var definition = new ProcessDefinition
                {
                    Id = $"{model.Key}:{version}", Key = model.Key, Version = version, Name = model.Name, Xml = xml,
                    ContentHash = hash, ResourceName = resourceName, DeployedAt = now,
                    MessageStartNames = TaskItem.Join(model.StartEvents().Select(s => s.Trigger).OfType<MessageDefinition>().Select(m => m.MessageName)),
                };
                store.Add(definition);
                registry.Remember(definition, model);
                await ReplaceStartTimersAsync(x, definition, model, ct);
                deployed.Add(new DeployedDefinition(definition.Id, definition.Key, version, true));
            }
            await store.SaveChangesAsync(ct);
        }
        catch
        {
            store.Reset();
            throw;
        }
        await scheduler.TimersChangedAsync(x.TimersCreated, x.TimersCancelled, ct);
        return new DeploymentResult(resourceName, deployed);
    }

    /// <summary>Deploys every *.bpmn of a directory (workflows/ at start-up); all files are checked before any is deployed.</summary>
    public async Task<IReadOnlyList<DeploymentResult>> DeployDirectoryAsync(string directory, CancellationToken ct = default)
    {
        if (!Directory.Exists(directory)) return [];
        var files = Directory.GetFiles(directory, "*.bpmn").Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileName(f), Xml: File.ReadAllText(f))).ToList();
        foreach (var file in files) BpmnParser.Parse(file.Xml, file.Name, registry.Host);
        var results = new List<DeploymentResult>();
        foreach (var file in files) results.Add(await DeployAsync(file.Xml, file.Name, ct));
        return results;
    }

    private async Task ReplaceStartTimersAsync(Execution x, ProcessDefinition definition, ProcessModel model, CancellationToken ct)
    {
        foreach (var old in await store.PendingTimersAsync(null, null, ct))
            if (old.InstanceId is null && old.DefinitionId.StartsWith(definition.Key + ":", StringComparison.Ordinal))
            {
                old.State = TimerState.Cancelled;
                old.Version++;
                x.TimersCancelled.Add(old);
            }
        foreach (var start in model.StartEvents())
            if (start.Trigger is TimerDefinition timer)
            {
                var value = timer.Value.Expression is { } e ? e.Evaluate(registry.Host, (string _, out object? v) => { v = null; return false; }, x.Now) : timer.Value.Literal;
                x.AddTimer(definition.Id, null, null, start.Id, TimerSchedule.Compute(timer.Kind, value, x.Now, registry.Host.TimeZone));
            }
    }

    // ---- commands ----

    public Task<CommandResult> StartAsync(StartCommand command, CancellationToken ct = default) =>
        RunCommandAsync("start", command.IdempotencyKey, command.UserId, ct, async x =>
        {
            var definition = await store.FindLatestDefinitionAsync(command.ProcessKey, ct)
                ?? throw new EngineNotFoundException($"Processen {command.ProcessKey} är inte driftsatt.");
            var model = registry.Get(definition);
            var start = model.NoneStartEvent;
            var live = x.CreateInstance(definition, model, command.BusinessKey, Input(x, command.Variables));
            x.Spawn(live, start.Id, null);
            await x.RunAsync();
            return await ResultAsync(live, ct);
        });

    public Task<CommandResult> CompleteTaskAsync(CompleteTaskCommand command, CancellationToken ct = default) =>
        RunCommandAsync("complete-task", command.IdempotencyKey, command.Actor.UserId, ct, async x =>
        {
            var task = await OpenTaskAsync(command.TaskId, ct);
            if (task.Assignee is not null && task.Assignee != command.Actor.UserId)
                throw new EngineValidationException($"Uppgiften {task.ElementId} är tilldelad {task.Assignee}, inte {command.Actor.UserId}.");
            if (task.Assignee is null) CheckCandidate(task, command.Actor);
            var variables = Input(x, command.Variables);
            var live = await x.LoadAsync(task.InstanceId);
            var token = live.FindToken(task.TokenId) ?? throw new EngineConflictException($"Uppgiften {task.ElementId} väntar inte längre.");
            task.State = TaskState.Completed;
            task.CompletedAt = x.Now;
            task.CompletedBy = command.Actor.UserId;
            task.Version++;
            token.HasTask = false; // this is the token's one task, and it is done
            x.Journal(live, task.ElementId, "task-completed", new() { ["task"] = task.Id, ["variables"] = variables });
            await x.TriggerAsync(live, token, live.Model[token.ElementId], new TaskCompleted(variables));
            await x.RunAsync();
            return await ResultAsync(live, ct);
        });

    /// <summary>
    /// Takes an unassigned task for oneself (the user must be a candidate). Touches only the task row (its version is
    /// the concurrency token), not the instance: taking one member's yttrande never conflicts with another member
    /// completing theirs. The completion's journal entry names who did the task.
    /// </summary>
    public Task<CommandResult> ClaimAsync(string taskId, TaskActor actor, string? idempotencyKey = null, CancellationToken ct = default) =>
        RunCommandAsync("claim", idempotencyKey, actor.UserId, ct, async x =>
        {
            var task = await OpenTaskAsync(taskId, ct);
            if (task.Assignee is not null)
                throw new EngineConflictException($"Uppgiften {task.ElementId} är redan tagen av {task.Assignee}.");
            CheckCandidate(task, actor);
            task.Assignee = actor.UserId;
            task.Version++;
            return TaskOnlyResult(task);
        });

    /// <summary>Gives a claimed task back to its candidates; like a claim, it touches only the task row.</summary>
    public Task<CommandResult> UnclaimAsync(string taskId, TaskActor actor, string? idempotencyKey = null, CancellationToken ct = default) =>
        RunCommandAsync("unclaim", idempotencyKey, actor.UserId, ct, async x =>
        {
            var task = await OpenTaskAsync(taskId, ct);
            if (task.Assignee != actor.UserId)
                throw new EngineValidationException($"Uppgiften {task.ElementId} är inte tagen av {actor.UserId}.");
            task.Assignee = null;
            task.Version++;
            return TaskOnlyResult(task);
        });

    private static CommandResult TaskOnlyResult(TaskItem task) => new(task.InstanceId, InstanceStatus.Running, [task.ElementId], [task.Id]);

    public Task<CommandResult> CorrelateMessageAsync(CorrelateMessageCommand command, CancellationToken ct = default) =>
        RunCommandAsync("correlate-message", command.IdempotencyKey, command.UserId, ct, async x =>
        {
            var variables = Input(x, command.Variables);
            var subscriptions = (await store.SubscriptionsAsync(null, command.MessageName, command.BusinessKey, ct))
                .OrderBy(s => s.CreatedAt).ToList();
            if (subscriptions.Select(s => s.InstanceId).Distinct().Count() > 1)
                throw new EngineValidationException($"Meddelandet {command.MessageName} med affärsnyckel {command.BusinessKey} passar {subscriptions.Count} instanser; ange en entydig affärsnyckel.");
            if (subscriptions.FirstOrDefault() is { } subscription)
            {
                var live = await x.LoadAsync(subscription.InstanceId);
                var token = live.FindToken(subscription.TokenId) ?? throw new EngineConflictException("Mottagaren av meddelandet väntar inte längre.");
                store.Remove(subscription);
                x.Journal(live, subscription.ElementId, "message-correlated", new() { ["message"] = command.MessageName, ["variables"] = variables });
                await x.TriggerAsync(live, token, live.Model[subscription.ElementId], new MessageReceived(command.MessageName, variables));
                await x.RunAsync();
                return await ResultAsync(live, ct);
            }
            foreach (var definition in await store.LatestDefinitionsAsync(ct))
            {
                if (!definition.MessageStartNames.Contains("|" + command.MessageName + "|", StringComparison.Ordinal)) continue;
                var model = registry.Get(definition);
                var start = model.StartEvents().First(s => s.Trigger is MessageDefinition m && m.MessageName == command.MessageName);
                var live = x.CreateInstance(definition, model, command.BusinessKey, variables);
                x.Journal(live, start.Id, "message-correlated", new() { ["message"] = command.MessageName });
                x.Spawn(live, start.Id, null);
                await x.RunAsync();
                return await ResultAsync(live, ct);
            }
            throw new EngineNotFoundException($"Ingen väntar på meddelandet {command.MessageName}{(command.BusinessKey is null ? "" : $" med affärsnyckel {command.BusinessKey}")}.");
        });

    /// <summary>Fires one timer row. A timer that already fired (or was cancelled) does nothing: firing is idempotent.</summary>
    public Task<CommandResult> FireTimerAsync(string timerId, CancellationToken ct = default) =>
        RunCommandAsync("fire-timer", null, null, ct, async x =>
        {
            var timer = await store.FindTimerAsync(timerId, ct) ?? throw new EngineNotFoundException($"Timern {timerId} finns inte.");
            if (timer.State != TimerState.Pending)
                return new CommandResult(timer.InstanceId, null, [], [], AlreadyDone: true);
            timer.State = TimerState.Fired;
            timer.FiredAt = x.Now;
            timer.Version++;
            if (timer.InstanceId is null)
            {
                var definition = await store.FindDefinitionAsync(timer.DefinitionId, ct) ?? throw new EngineException($"Definitionen {timer.DefinitionId} finns inte.");
                var model = registry.Get(definition);
                if (timer.Period is not null && TimerSchedule.Next(timer.DueAt, timer.Period, timer.Repeats) is { } next)
                    x.AddTimer(definition.Id, null, null, timer.ElementId, next);
                var started = x.CreateInstance(definition, model, null, []);
                x.Journal(started, timer.ElementId, "timer-fired", new() { ["timer"] = timer.Id, ["dueAt"] = timer.DueAt });
                x.Spawn(started, timer.ElementId, null);
                await x.RunAsync();
                return await ResultAsync(started, ct);
            }
            var live = await x.LoadAsync(timer.InstanceId);
            var token = live.FindToken(timer.TokenId);
            if (live.Record.Status != InstanceStatus.Running || token is null)
                return new CommandResult(live.Record.Id, live.Record.Status, [], [], AlreadyDone: true);
            x.Journal(live, timer.ElementId, "timer-fired", new() { ["timer"] = timer.Id, ["dueAt"] = timer.DueAt });
            await x.TriggerAsync(live, token, live.Model[timer.ElementId], new TimerFired(timer));
            await x.RunAsync();
            return await ResultAsync(live, ct);
        });

    /// <summary>Fires every pending timer due by now (the test clock or a sweep); returns how many fired.</summary>
    public async Task<int> FireDueTimersAsync(CancellationToken ct = default)
    {
        var fired = 0;
        var failed = new HashSet<string>();
        for (var round = 0; round < 1000; round++)
        {
            var due = (await store.PendingTimersAsync(null, time.GetUtcNow(), ct))
                .Where(t => !failed.Contains(t.Id)).OrderBy(t => t.DueAt).ThenBy(t => t.Id).ToList();
            if (due.Count == 0) break;
            foreach (var timer in due)
            {
                try
                {
                    if (!(await FireTimerAsync(timer.Id, ct)).AlreadyDone) fired++;
                }
                catch (EngineException)
                {
                    // a conflict (another node was first) or a broken row: the others still fire; the sweep retries later
                    failed.Add(timer.Id);
                }
                store.Reset(); // committed; a long batch should not drag every row it touched through change detection
            }
        }
        return fired;
    }

    public Task<CommandResult> CancelAsync(string instanceId, string reason, string? userId = null, string? idempotencyKey = null, CancellationToken ct = default) =>
        RunCommandAsync("cancel", idempotencyKey, userId, ct, async x =>
        {
            var live = await x.LoadAsync(instanceId);
            if (live.Record.Status != InstanceStatus.Running)
                throw new EngineValidationException($"Instansen {instanceId} är redan {live.Record.Status}.");
            await x.CancelInstanceAsync(live, reason);
            return await ResultAsync(live, ct);
        });

    /// <summary>Retries the step that failed; <paramref name="variables"/> may correct what made it fail.</summary>
    public Task<CommandResult> RetryIncidentAsync(string incidentId, IReadOnlyDictionary<string, object?>? variables = null,
        string? userId = null, string? idempotencyKey = null, CancellationToken ct = default) =>
        RunCommandAsync("retry-incident", idempotencyKey, userId, ct, async x =>
        {
            var incident = await store.FindIncidentAsync(incidentId, ct) ?? throw new EngineNotFoundException($"Incidenten {incidentId} finns inte.");
            if (incident.ResolvedAt is not null) throw new EngineConflictException($"Incidenten {incidentId} är redan åtgärdad.");
            var input = Input(x, variables);
            var live = await x.LoadAsync(incident.InstanceId);
            var token = live.FindToken(incident.TokenId) ?? throw new EngineConflictException("Incidentens token finns inte längre.");
            incident.ResolvedAt = x.Now;
            x.SetVariables(live, input);
            token.Status = TokenStatus.Ready;
            token.IncidentId = null;
            live.Ready.Enqueue(token);
            x.Journal(live, incident.ElementId, "incident-resolved", new() { ["incident"] = incident.Id, ["variables"] = input });
            await x.RunAsync();
            return await ResultAsync(live, ct);
        });

    // ---- migration ----

    /// <summary>Dry run: what moving the instance to <paramref name="targetDefinitionId"/> with this mapping would do.</summary>
    public async Task<MigrationPlan> PlanMigrationAsync(string instanceId, string targetDefinitionId, IReadOnlyDictionary<string, string>? mapping = null, CancellationToken ct = default)
    {
        var x = new Execution(store, registry, services, time.GetUtcNow(), null, ct);
        try { return await InstanceMigration.PlanAsync(x, instanceId, targetDefinitionId, mapping ?? new Dictionary<string, string>()); }
        finally { store.Reset(); }
    }

    /// <summary>Moves the instance if the plan is valid; otherwise throws with every problem.</summary>
    public Task<CommandResult> MigrateAsync(string instanceId, string targetDefinitionId, IReadOnlyDictionary<string, string>? mapping = null,
        string? userId = null, string? idempotencyKey = null, CancellationToken ct = default) =>
        RunCommandAsync("migrate", idempotencyKey, userId, ct, async x =>
        {
            var plan = await InstanceMigration.PlanAsync(x, instanceId, targetDefinitionId, mapping ?? new Dictionary<string, string>());
            if (!plan.Valid)
                throw new EngineValidationException($"Instansen {instanceId} kan inte flyttas till {targetDefinitionId}:{Environment.NewLine}" + string.Join(Environment.NewLine, plan.Problems.Select(p => " - " + p)));
            var live = await InstanceMigration.ApplyAsync(x, plan);
            return await ResultAsync(live, ct);
        });

    // ---- queries ----

    public async Task<InstanceView> GetInstanceAsync(string instanceId, CancellationToken ct = default)
    {
        var record = await store.FindInstanceAsync(instanceId, ct) ?? throw new EngineNotFoundException($"Instansen {instanceId} finns inte.");
        var state = InstanceState.FromJson(record.StateJson);
        return new InstanceView(record, state.Tokens, state.Variables);
    }

    public Task<IReadOnlyList<ProcessInstance>> FindInstancesAsync(string? definitionKey = null, string? businessKey = null, bool runningOnly = false, CancellationToken ct = default) =>
        store.FindInstancesAsync(definitionKey, businessKey, runningOnly, ct);

    public Task<TaskItem?> FindTaskAsync(string taskId, CancellationToken ct = default) => store.FindTaskAsync(taskId, ct);

    /// <summary>Open tasks assigned to <paramref name="userId"/>.</summary>
    public Task<IReadOnlyList<TaskItem>> TasksAssignedToAsync(string userId, CancellationToken ct = default) =>
        store.TasksAsync(new TaskFilter(Assignee: userId), ct);

    /// <summary>Open, unclaimed tasks that the user or one of the groups may take.</summary>
    public Task<IReadOnlyList<TaskItem>> TasksOpenToAsync(TaskActor actor, CancellationToken ct = default) =>
        store.TasksAsync(new TaskFilter(CandidateUser: actor.UserId, CandidateGroups: actor.Groups), ct);

    public Task<IReadOnlyList<TaskItem>> TasksOfInstanceAsync(string instanceId, bool openOnly = true, CancellationToken ct = default) =>
        store.TasksAsync(new TaskFilter(InstanceId: instanceId, OpenOnly: openOnly), ct);

    public Task<IReadOnlyList<Incident>> IncidentsAsync(string? instanceId = null, bool openOnly = true, CancellationToken ct = default) =>
        store.IncidentsAsync(instanceId, openOnly, ct);

    public Task<IReadOnlyList<TimerJob>> PendingTimersAsync(string? instanceId = null, CancellationToken ct = default) =>
        store.PendingTimersAsync(instanceId, null, ct);

    public Task<IReadOnlyList<JournalEntry>> JournalAsync(string instanceId, CancellationToken ct = default) => store.JournalAsync(instanceId, ct);

    /// <summary>Recomputes the hash chain and names the first entry that was changed or removed.</summary>
    public async Task<JournalVerification> VerifyJournalAsync(string instanceId, CancellationToken ct = default)
    {
        var record = await store.FindInstanceAsync(instanceId, ct) ?? throw new EngineNotFoundException($"Instansen {instanceId} finns inte.");
        return JournalChain.Verify(record, await store.JournalAsync(instanceId, ct));
    }

    // ---- plumbing ----

    private async Task<CommandResult> RunCommandAsync(string name, string? key, string? userId, CancellationToken ct, Func<Execution, Task<CommandResult>> body)
    {
        if (key is not null && await store.FindIdempotencyAsync(key, ct) is { } done) return Repeat(done, name);
        var x = new Execution(store, registry, services, time.GetUtcNow(), userId, ct);
        CommandResult result;
        try
        {
            result = await body(x);
            x.Flush();
            if (key is not null)
                store.Add(new IdempotencyRecord { Key = key, Command = name, ResultJson = JsonSerializer.Serialize(result, Json), CreatedAt = x.Now });
            await store.SaveChangesAsync(ct);
        }
        catch (IdempotencyKeyTakenException) when (key is not null)
        {
            store.Reset();
            var first = await store.FindIdempotencyAsync(key, ct) ?? throw new EngineConflictException($"Idempotensnyckeln {key} krockade.");
            return Repeat(first, name);
        }
        catch (EngineConflictException) when (key is not null)
        {
            // the same request, sent twice at once, loses to itself: answer with the first one's result
            store.Reset();
            if (await store.FindIdempotencyAsync(key, ct) is { } first) return Repeat(first, name);
            throw;
        }
        catch
        {
            store.Reset();
            throw;
        }
        if (x.TimersCreated.Count > 0 || x.TimersCancelled.Count > 0)
            await scheduler.TimersChangedAsync(x.TimersCreated, x.TimersCancelled, ct);
        return result;
    }

    private static CommandResult Repeat(IdempotencyRecord done, string name)
    {
        if (done.Command != name)
            throw new EngineValidationException($"Idempotensnyckeln {done.Key} användes redan för kommandot {done.Command}, inte {name}.");
        return JsonSerializer.Deserialize<CommandResult>(done.ResultJson, Json)! with { AlreadyDone = true };
    }

    private static Dictionary<string, object?> Input(Execution x, IReadOnlyDictionary<string, object?>? variables)
    {
        var normalized = VariableValues.NormalizeAll(variables);
        x.InputVariables.UnionWith(normalized.Keys);
        return normalized;
    }

    private async Task<TaskItem> OpenTaskAsync(string taskId, CancellationToken ct)
    {
        var task = await store.FindTaskAsync(taskId, ct) ?? throw new EngineNotFoundException($"Uppgiften {taskId} finns inte.");
        return task.State == TaskState.Open ? task
            : throw new EngineConflictException($"Uppgiften {task.ElementId} är redan {(task.State == TaskState.Completed ? $"slutförd av {task.CompletedBy}" : "avbruten")}.");
    }

    private static void CheckCandidate(TaskItem task, TaskActor actor)
    {
        if (task.CandidateUserList.Contains(actor.UserId) || task.CandidateGroupList.Intersect(actor.Groups).Any()) return;
        throw new EngineValidationException($"{actor.UserId} är inte tilldelad uppgiften {task.ElementId} och tillhör ingen av grupperna {string.Join(", ", task.CandidateGroupList)}.");
    }

    private async Task<CommandResult> ResultAsync(LiveInstance live, CancellationToken ct)
    {
        var tasks = await store.TasksAsync(new TaskFilter(InstanceId: live.Record.Id), ct);
        return new CommandResult(live.Record.Id, live.Record.Status,
            live.State.Tokens.Select(t => t.ElementId).Distinct().ToList(), tasks.Select(t => t.Id).ToList());
    }
}
