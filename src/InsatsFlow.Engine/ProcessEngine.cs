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
/// The engine's front door. Every command runs on a unit of work of its own (<see cref="IUnitOfWork"/>): it runs the
/// touched instances until every token waits, then commits state, tasks, timers, journal, idempotency record and its
/// handlers' domain writes in one transaction, or none of them. Nothing the caller has pending is written or cleared
/// by it; a caller's own writes join a command through <see cref="StartCommand.Alongside"/>. Queries read what is committed.
/// </summary>
public sealed class ProcessEngine(IUnitOfWorkFactory units, DefinitionRegistry registry, TimeProvider time, Jobs.JobExecutor jobs)
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
        var learned = new List<(ProcessDefinition, ProcessModel)>();
        await using var unit = units.Begin();
        var store = unit.Store;
        var x = new Execution(store, unit, registry, now, null, ct);
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
            learned.Add((definition, model));
            await ReplaceStartTimersAsync(x, store, definition, model, ct);
            deployed.Add(new DeployedDefinition(definition.Id, definition.Key, version, true));
        }
        await unit.CommitAsync(ct);
        // the cache learns a definition only once it is committed: a failed deploy leaves nothing to be found later
        foreach (var (definition, model) in learned) registry.Remember(definition, model);
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

    private static async Task ReplaceStartTimersAsync(Execution x, IEngineStore store, ProcessDefinition definition, ProcessModel model, CancellationToken ct)
    {
        foreach (var old in await store.PendingTimersAsync(null, null, ct))
            if (old.InstanceId is null && old.DefinitionId.StartsWith(definition.Key + ":", StringComparison.Ordinal))
            {
                old.State = TimerState.Cancelled;
                old.Version++;
            }
        foreach (var start in model.StartEvents())
            if (start.Trigger is TimerDefinition timer)
            {
                var value = timer.Value.Expression is { } e ? e.Evaluate(x.Host, (string _, out object? v) => { v = null; return false; }, x.Now) : timer.Value.Literal;
                x.AddTimer(definition.Id, null, null, start.Id, TimerSchedule.Compute(timer.Kind, value, x.Now, x.Host.TimeZone));
            }
    }

    // ---- commands ----

    public Task<CommandResult> StartAsync(StartCommand command, CancellationToken ct = default) =>
        RunCommandAsync("start", command.IdempotencyKey, command.UserId, command.ProcessKey,
            command.Arguments ?? new Dictionary<string, object?> { ["businessKey"] = command.BusinessKey, ["variables"] = command.Variables }, ct, async x =>
        {
            if (command.Alongside is { } alongside) await x.StageAsync(async services => { await alongside(services, ct); return true; });
            // the id only: a deployed version never changes, so its row (and XML) comes from the registry's cache
            var definition = await x.Store.LatestDefinitionIdAsync(command.ProcessKey, ct) is { } id ? await registry.FindAsync(x.Store, id, ct) : null;
            if (definition is null) throw new EngineNotFoundException($"Processen {command.ProcessKey} är inte driftsatt.");
            var model = registry.Get(definition);
            var start = model.NoneStartEvent;
            var live = x.CreateInstance(definition, model, command.BusinessKey, Input(x, command.Variables), tenantId: command.TenantId);
            x.Spawn(live, start.Id, null);
            await x.RunAsync();
            return await ResultAsync(x, live, ct);
        }, command.TenantId ?? (command.Variables?.TryGetValue(registry.Options.TenantVariable, out var t) == true ? t?.ToString() : null));

    public Task<CommandResult> CompleteTaskAsync(CompleteTaskCommand command, CancellationToken ct = default) =>
        RunCommandAsync("complete-task", command.IdempotencyKey, command.Actor.UserId, command.TaskId,
            new Dictionary<string, object?> { ["variables"] = command.Variables }, ct, async x =>
        {
            var task = await OpenTaskAsync(x, command.TaskId, ct);
            if (task.Assignee is not null && task.Assignee != command.Actor.UserId)
                throw new EngineValidationException($"Uppgiften {task.ElementId} är tilldelad {task.Assignee}, inte {command.Actor.UserId}.");
            if (task.Assignee is null) CheckCandidate(task, command.Actor);
            // the caller's work first: what it writes may add to the variables (ids of the rows it made)
            if (command.Alongside is { } alongside) await x.StageAsync(async services => { await alongside(services, ct); return true; });
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
            return await ResultAsync(x, live, ct);
        });

    /// <summary>
    /// Takes an unassigned task for oneself (the user must be a candidate). Touches only the task row (its version is
    /// the concurrency token), not the instance: taking one member's yttrande never conflicts with another member
    /// completing theirs. The completion's journal entry names who did the task.
    /// </summary>
    public Task<CommandResult> ClaimAsync(string taskId, TaskActor actor, string? idempotencyKey = null, CancellationToken ct = default) =>
        RunCommandAsync("claim", idempotencyKey, actor.UserId, taskId, null, ct, async x =>
        {
            var task = await OpenTaskAsync(x, taskId, ct);
            if (task.Assignee is not null)
                throw new EngineConflictException($"Uppgiften {task.ElementId} är redan tagen av {task.Assignee}.");
            CheckCandidate(task, actor);
            task.Assignee = actor.UserId;
            task.Version++;
            return TaskOnlyResult(task);
        });

    /// <summary>Gives a claimed task back to its candidates; like a claim, it touches only the task row.</summary>
    public Task<CommandResult> UnclaimAsync(string taskId, TaskActor actor, string? idempotencyKey = null, CancellationToken ct = default) =>
        RunCommandAsync("unclaim", idempotencyKey, actor.UserId, taskId, null, ct, async x =>
        {
            var task = await OpenTaskAsync(x, taskId, ct);
            if (task.Assignee != actor.UserId)
                throw new EngineValidationException($"Uppgiften {task.ElementId} är inte tagen av {actor.UserId}.");
            task.Assignee = null;
            task.Version++;
            return TaskOnlyResult(task);
        });

    private static CommandResult TaskOnlyResult(TaskItem task) => new(task.InstanceId, InstanceStatus.Running, [task.ElementId], [task.Id]);

    public Task<CommandResult> CorrelateMessageAsync(CorrelateMessageCommand command, CancellationToken ct = default) =>
        RunCommandAsync("correlate-message", command.IdempotencyKey, command.UserId, command.MessageName,
            new Dictionary<string, object?> { ["businessKey"] = command.BusinessKey, ["variables"] = command.Variables }, ct, async x =>
        {
            var store = x.Store;
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
                return await ResultAsync(x, live, ct);
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
                return await ResultAsync(x, live, ct);
            }
            throw new EngineNotFoundException($"Ingen väntar på meddelandet {command.MessageName}{(command.BusinessKey is null ? "" : $" med affärsnyckel {command.BusinessKey}")}.");
        });

    /// <summary>
    /// Fires one timer row (the command an engine-timer job runs). A timer that already fired (or was cancelled) does
    /// nothing: firing is idempotent. A cycle that fires late follows <see cref="EngineOptions.CycleMisfire"/>.
    /// </summary>
    public Task<CommandResult> FireTimerAsync(string timerId, CancellationToken ct = default) =>
        RunCommandAsync("fire-timer", null, null, timerId, null, ct, async x =>
        {
            var store = x.Store;
            var timer = await store.FindTimerAsync(timerId, ct) ?? throw new EngineNotFoundException($"Timern {timerId} finns inte.");
            if (timer.State != TimerState.Pending)
                return new CommandResult(timer.InstanceId, null, [], [], AlreadyDone: true);
            timer.State = TimerState.Fired;
            timer.FiredAt = x.Now;
            timer.Version++;
            var options = registry.Options;
            if (timer.Period is not null && options.CycleMisfire == CycleMisfirePolicy.RescheduleNextWithRemainingCount
                && TimerSchedule.IsLate(timer.DueAt, x.Now, options.MisfireThreshold))
                return await SkipMisfireAsync(x, timer, ct);
            if (timer.InstanceId is null)
            {
                var definition = await store.FindDefinitionAsync(timer.DefinitionId, ct) ?? throw new EngineException($"Definitionen {timer.DefinitionId} finns inte.");
                var model = registry.Get(definition);
                if (timer.Period is not null && TimerSchedule.Next(timer.DueAt, timer.Period, timer.Repeats, x.Now, options.CycleMisfire, options.MisfireThreshold) is { } next)
                    x.AddTimer(definition.Id, null, null, timer.ElementId, next);
                var started = x.CreateInstance(definition, model, null, []);
                x.Journal(started, timer.ElementId, "timer-fired", new() { ["timer"] = timer.Id, ["dueAt"] = timer.DueAt });
                x.Spawn(started, timer.ElementId, null);
                await x.RunAsync();
                return await ResultAsync(x, started, ct);
            }
            var live = await x.LoadAsync(timer.InstanceId);
            var token = live.FindToken(timer.TokenId);
            if (live.Record.Status != InstanceStatus.Running || token is null)
                return new CommandResult(live.Record.Id, live.Record.Status, [], [], AlreadyDone: true);
            x.Journal(live, timer.ElementId, "timer-fired", new() { ["timer"] = timer.Id, ["dueAt"] = timer.DueAt });
            await x.TriggerAsync(live, token, live.Model[timer.ElementId], new TimerFired(timer));
            await x.RunAsync();
            return await ResultAsync(x, live, ct);
        });

    /// <summary>A late cycle under RescheduleNextWithRemainingCount: no firing, only the schedule's next repetition.</summary>
    private async Task<CommandResult> SkipMisfireAsync(Execution x, TimerJob timer, CancellationToken ct)
    {
        var options = registry.Options;
        var next = TimerSchedule.Next(timer.DueAt, timer.Period!, timer.Repeats, x.Now, options.CycleMisfire, options.MisfireThreshold);
        if (timer.InstanceId is null)
        {
            if (next is not null) x.AddTimer(timer.DefinitionId, null, null, timer.ElementId, next);
            return new CommandResult(null, null, [], [], AlreadyDone: true);
        }
        var live = await x.LoadAsync(timer.InstanceId);
        var token = live.FindToken(timer.TokenId);
        if (live.Record.Status != InstanceStatus.Running || token is null)
            return new CommandResult(live.Record.Id, live.Record.Status, [], [], AlreadyDone: true);
        if (next is not null) x.AddTimer(live.Definition.Id, live.Record.Id, token, timer.ElementId, next);
        x.Journal(live, timer.ElementId, "timer-misfire-skipped", new() { ["timer"] = timer.Id, ["dueAt"] = timer.DueAt, ["next"] = next?.At });
        return (await ResultAsync(x, live, ct)) with { AlreadyDone = true }; // nothing fired
    }

    /// <summary>
    /// A timer whose job kept failing (<see cref="Jobs.JobOptions.MaxAttempts"/>): an incident on its instance, at the
    /// timer's element; the token keeps waiting. Retrying the incident fires the timer again.
    /// </summary>
    public Task<CommandResult> RaiseTimerIncidentAsync(string timerId, string error, CancellationToken ct = default) =>
        RunCommandAsync("timer-incident", null, null, timerId, null, ct, async x =>
        {
            var store = x.Store;
            var timer = await store.FindTimerAsync(timerId, ct) ?? throw new EngineNotFoundException($"Timern {timerId} finns inte.");
            if (timer.InstanceId is null || timer.TokenId is null || timer.State != TimerState.Pending)
                return new CommandResult(timer.InstanceId, null, [], [], AlreadyDone: true);
            var live = await x.LoadAsync(timer.InstanceId);
            var message = $"Timern {timer.ElementId} kunde inte avfyras: {error}";
            var incident = new Incident { Id = Execution.NewId(), InstanceId = live.Record.Id, TenantId = live.Record.TenantId, TokenId = timer.TokenId, ElementId = timer.ElementId, Message = message, CreatedAt = x.Now };
            store.Add(incident);
            x.Journal(live, timer.ElementId, "incident-raised", new() { ["incident"] = incident.Id, ["message"] = message, ["timer"] = timer.Id });
            return await ResultAsync(x, live, ct);
        });

    /// <summary>Runs every job due by now through the job executor, once (tests, the CLI); returns how many timers fired.</summary>
    public async Task<int> FireDueTimersAsync(CancellationToken ct = default)
    {
        return (await jobs.RunDueAsync(ct)).Acted(Jobs.EngineTimerJobs.KindName);
    }

    public Task<CommandResult> CancelAsync(string instanceId, string reason, string? userId = null, string? idempotencyKey = null, CancellationToken ct = default) =>
        RunCommandAsync("cancel", idempotencyKey, userId, instanceId, new Dictionary<string, object?> { ["reason"] = reason }, ct, async x =>
        {
            var live = await x.LoadAsync(instanceId);
            if (live.Record.Status != InstanceStatus.Running)
                throw new EngineValidationException($"Instansen {instanceId} är redan {live.Record.Status}.");
            await x.CancelInstanceAsync(live, reason);
            return await ResultAsync(x, live, ct);
        });

    /// <summary>Retries the step that failed; <paramref name="variables"/> may correct what made it fail.</summary>
    public Task<CommandResult> RetryIncidentAsync(string incidentId, IReadOnlyDictionary<string, object?>? variables = null,
        string? userId = null, string? idempotencyKey = null, CancellationToken ct = default) =>
        RunCommandAsync("retry-incident", idempotencyKey, userId, incidentId, new Dictionary<string, object?> { ["variables"] = variables }, ct, async x =>
        {
            var incident = await x.Store.FindIncidentAsync(incidentId, ct) ?? throw new EngineNotFoundException($"Incidenten {incidentId} finns inte.");
            if (incident.ResolvedAt is not null) throw new EngineConflictException($"Incidenten {incidentId} är redan åtgärdad.");
            var input = Input(x, variables);
            var live = await x.LoadAsync(incident.InstanceId);
            var token = live.FindToken(incident.TokenId) ?? throw new EngineConflictException("Incidentens token finns inte längre.");
            incident.ResolvedAt = x.Now;
            if (token.Status != TokenStatus.Incident)
            {
                // a timer's job gave up and the token kept waiting: fire its pending timers again, now
                foreach (var timer in await x.Store.PendingTimersAsync(live.Record.Id, null, ct))
                    if (timer.TokenId == token.Id && timer.ElementId == incident.ElementId)
                        x.Store.Add(Jobs.Job.Create(Jobs.EngineTimerJobs.KindName, timer.Id, x.Now, x.Now));
                x.SetVariables(live, input);
                x.Journal(live, incident.ElementId, "incident-resolved", new() { ["incident"] = incident.Id, ["variables"] = input });
                return await ResultAsync(x, live, ct);
            }
            x.SetVariables(live, input);
            token.Status = TokenStatus.Ready;
            token.IncidentId = null;
            live.Ready.Enqueue(token);
            x.Journal(live, incident.ElementId, "incident-resolved", new() { ["incident"] = incident.Id, ["variables"] = input });
            await x.RunAsync();
            return await ResultAsync(x, live, ct);
        });

    /// <summary>
    /// Deletes the idempotency records older than <see cref="EngineOptions.IdempotencyLifetime"/>; returns how many.
    /// The job executor calls it periodically; an expired key starts a new command.
    /// </summary>
    public async Task<int> PurgeExpiredIdempotencyAsync(CancellationToken ct = default)
    {
        await using var unit = units.Begin();
        return await unit.Store.PurgeIdempotencyAsync(time.GetUtcNow(), ct);
    }

    // ---- migration ----

    /// <summary>Dry run: what moving the instance to <paramref name="targetDefinitionId"/> with this mapping would do.</summary>
    public async Task<MigrationPlan> PlanMigrationAsync(string instanceId, string targetDefinitionId, IReadOnlyDictionary<string, string>? mapping = null, CancellationToken ct = default)
    {
        await using var unit = units.Begin(); // never committed: a plan changes nothing
        var x = new Execution(unit.Store, unit, registry, time.GetUtcNow(), null, ct);
        return await InstanceMigration.PlanAsync(x, instanceId, targetDefinitionId, mapping ?? new Dictionary<string, string>());
    }

    /// <summary>Moves the instance if the plan is valid; otherwise throws with every problem.</summary>
    public Task<CommandResult> MigrateAsync(string instanceId, string targetDefinitionId, IReadOnlyDictionary<string, string>? mapping = null,
        string? userId = null, string? idempotencyKey = null, CancellationToken ct = default) =>
        RunCommandAsync("migrate", idempotencyKey, userId, instanceId,
            new Dictionary<string, object?> { ["target"] = targetDefinitionId, ["mapping"] = mapping?.ToDictionary(m => m.Key, m => (object?)m.Value) }, ct, async x =>
        {
            var plan = await InstanceMigration.PlanAsync(x, instanceId, targetDefinitionId, mapping ?? new Dictionary<string, string>());
            if (!plan.Valid)
                throw new EngineValidationException($"Instansen {instanceId} kan inte flyttas till {targetDefinitionId}:{Environment.NewLine}" + string.Join(Environment.NewLine, plan.Problems.Select(p => " - " + p)));
            var live = await InstanceMigration.ApplyAsync(x, plan);
            return await ResultAsync(x, live, ct);
        });

    // ---- queries (each on a unit of its own, so they read what is committed) ----

    public Task<InstanceView> GetInstanceAsync(string instanceId, CancellationToken ct = default) => ReadAsync(async store =>
    {
        var record = await store.FindInstanceAsync(instanceId, ct) ?? throw new EngineNotFoundException($"Instansen {instanceId} finns inte.");
        var state = InstanceState.FromJson(record.StateJson);
        return new InstanceView(record, state.Tokens, state.Variables);
    });

    public Task<IReadOnlyList<ProcessInstance>> FindInstancesAsync(string? definitionKey = null, string? businessKey = null, bool runningOnly = false, CancellationToken ct = default) =>
        ReadAsync(s => s.FindInstancesAsync(definitionKey, businessKey, runningOnly, ct));

    public Task<TaskItem?> FindTaskAsync(string taskId, CancellationToken ct = default) => ReadAsync(s => s.FindTaskAsync(taskId, ct));

    /// <summary>Open tasks assigned to <paramref name="userId"/>.</summary>
    public Task<IReadOnlyList<TaskItem>> TasksAssignedToAsync(string userId, CancellationToken ct = default) =>
        ReadAsync(s => s.TasksAsync(new TaskFilter(Assignee: userId), ct));

    /// <summary>Open, unclaimed tasks that the user or one of the groups may take.</summary>
    public Task<IReadOnlyList<TaskItem>> TasksOpenToAsync(TaskActor actor, CancellationToken ct = default) =>
        ReadAsync(s => s.TasksAsync(new TaskFilter(CandidateUser: actor.UserId, CandidateGroups: actor.Groups), ct));

    /// <summary>One page of open tasks (an inbox), filtered, counted, sorted and cut by the database.</summary>
    public Task<TaskPage> TaskPageAsync(TaskPageQuery query, CancellationToken ct = default) => ReadAsync(s => s.TaskPageAsync(query, ct));

    public Task<IReadOnlyList<TaskItem>> TasksOfInstanceAsync(string instanceId, bool openOnly = true, CancellationToken ct = default) =>
        ReadAsync(s => s.TasksAsync(new TaskFilter(InstanceId: instanceId, OpenOnly: openOnly), ct));

    public Task<IReadOnlyList<Incident>> IncidentsAsync(string? instanceId = null, bool openOnly = true, CancellationToken ct = default) =>
        ReadAsync(s => s.IncidentsAsync(instanceId, openOnly, ct));

    public Task<IReadOnlyList<TimerJob>> PendingTimersAsync(string? instanceId = null, CancellationToken ct = default) =>
        ReadAsync(s => s.PendingTimersAsync(instanceId, null, ct));

    /// <summary>The next <paramref name="max"/> pending timers of every instance, soonest first (the deadline overview).</summary>
    public Task<IReadOnlyList<TimerJob>> NextTimersAsync(int max, CancellationToken ct = default) => ReadAsync(s => s.NextPendingTimersAsync(max, ct));

    public Task<IReadOnlyList<JournalEntry>> JournalAsync(string instanceId, CancellationToken ct = default) => ReadAsync(s => s.JournalAsync(instanceId, ct));

    /// <summary>Recomputes the hash chain and names the first entry that was changed or removed.</summary>
    public Task<JournalVerification> VerifyJournalAsync(string instanceId, CancellationToken ct = default) => ReadAsync(async store =>
    {
        var record = await store.FindInstanceAsync(instanceId, ct) ?? throw new EngineNotFoundException($"Instansen {instanceId} finns inte.");
        return JournalChain.Verify(record, await store.JournalAsync(instanceId, ct));
    });

    private async Task<T> ReadAsync<T>(Func<IEngineStore, Task<T>> query)
    {
        await using var unit = units.BeginRead();
        return await query(unit.Store);
    }

    // ---- plumbing ----

    /// <summary>
    /// Runs <paramref name="body"/> on a unit of work of its own and commits it. With an idempotency key, scoped to
    /// (tenant, user, command, target): a repeat with the same arguments returns the first result; other arguments are
    /// refused. The tenant is the unit's (whose data the caller sees), else the one the command names: the same key sent
    /// for two tenants is two commands, and neither sees the other's result.
    /// </summary>
    private async Task<CommandResult> RunCommandAsync(string name, string? key, string? userId, string? target, object? arguments,
        CancellationToken ct, Func<Execution, Task<CommandResult>> body, string? tenant = null)
    {
        CommandResult result;
        Execution x;
        await using (var unit = units.Begin())
        {
            var scope = key is null ? null : IdempotencyScope.Of(key, unit.Tenant ?? tenant, userId, name, target, arguments);
            var now = time.GetUtcNow();
            var earlier = scope is null ? null : await unit.Store.FindIdempotencyAsync(scope.Id, ct);
            if (earlier is not null && earlier.ExpiresAt > now) return Repeat(earlier, scope!);
            x = new Execution(unit.Store, unit, registry, now, userId, ct);
            try
            {
                result = await body(x);
                x.Flush();
                if (scope is not null)
                {
                    // an expired record not yet purged is taken over: the key starts afresh
                    var record = earlier ?? new IdempotencyRecord { Id = scope.Id, Key = key!, Command = name, ArgumentsHash = "", ResultJson = "" };
                    record.UserId = userId;
                    record.Target = target;
                    record.ArgumentsHash = scope.ArgumentsHash;
                    record.ResultJson = JsonSerializer.Serialize(result, Json);
                    record.CreatedAt = now;
                    record.ExpiresAt = now + registry.Options.IdempotencyLifetime;
                    if (earlier is null) unit.Store.Add(record);
                }
                await unit.CommitAsync(ct);
            }
            catch (EngineConflictException) when (scope is not null)
            {
                // the same request, sent twice at once, loses to itself: answer with the first one's result
                if (await ReadAsync(s => s.FindIdempotencyAsync(scope.Id, ct)) is { } first) return Repeat(first, scope);
                throw;
            }
            catch (IdempotencyKeyTakenException) when (scope is not null)
            {
                var first = await ReadAsync(s => s.FindIdempotencyAsync(scope.Id, ct)) ?? throw new EngineConflictException($"Idempotensnyckeln {key} krockade.");
                return Repeat(first, scope);
            }
        }
        return result;
    }

    private static CommandResult Repeat(IdempotencyRecord done, IdempotencyScope scope)
    {
        if (done.ArgumentsHash != scope.ArgumentsHash) throw new IdempotencyKeyReusedException(done.Key, done.Command);
        return JsonSerializer.Deserialize<CommandResult>(done.ResultJson, Json)! with { AlreadyDone = true };
    }

    /// <summary>Where a key is unique (tenant, user, command, target) and what it was sent with (a hash of the arguments).</summary>
    private sealed record IdempotencyScope(string Id, string ArgumentsHash)
    {
        public static IdempotencyScope Of(string key, string? tenant, string? userId, string command, string? target, object? arguments) =>
            new(Sha256(tenant is null ? string.Join('\n', userId, command, target, key) : string.Join('\n', "tenant:" + tenant, userId, command, target, key)),
                Sha256(VariableValues.ToJson(arguments is IReadOnlyDictionary<string, object?> d ? VariableValues.NormalizeAll(d) : arguments)));

        private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static Dictionary<string, object?> Input(Execution x, IReadOnlyDictionary<string, object?>? variables)
    {
        var normalized = VariableValues.NormalizeAll(variables);
        x.InputVariables.UnionWith(normalized.Keys);
        return normalized;
    }

    private static async Task<TaskItem> OpenTaskAsync(Execution x, string taskId, CancellationToken ct)
    {
        var task = await x.Store.FindTaskAsync(taskId, ct) ?? throw new EngineNotFoundException($"Uppgiften {taskId} finns inte.");
        return task.State == TaskState.Open ? task
            : throw new EngineConflictException($"Uppgiften {task.ElementId} är redan {(task.State == TaskState.Completed ? $"slutförd av {task.CompletedBy}" : "avbruten")}.");
    }

    private static void CheckCandidate(TaskItem task, TaskActor actor)
    {
        if (task.CandidateUserList.Contains(actor.UserId) || task.CandidateGroupList.Intersect(actor.Groups).Any()) return;
        throw new EngineValidationException($"{actor.UserId} är inte tilldelad uppgiften {task.ElementId} och tillhör ingen av grupperna {string.Join(", ", task.CandidateGroupList)}.");
    }

    private static async Task<CommandResult> ResultAsync(Execution x, LiveInstance live, CancellationToken ct)
    {
        var active = live.State.Tokens.Select(t => t.ElementId).Distinct().ToList();
        // Each open task belongs to a token that has a task. When the command created the task of every such token itself,
        // it already holds the answer; a task from an earlier command is read back.
        var held = x.TasksCreated.Where(t => t.InstanceId == live.Record.Id && t.State == TaskState.Open).ToList();
        var waiting = live.State.Tokens.Where(t => t.HasTask).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        if (held.Count == waiting.Count && held.All(t => waiting.Contains(t.TokenId)))
            return new CommandResult(live.Record.Id, live.Record.Status, active, held.Select(t => t.Id).ToList());
        var tasks = await x.Store.TasksAsync(new TaskFilter(InstanceId: live.Record.Id), ct);
        return new CommandResult(live.Record.Id, live.Record.Status, active, tasks.Select(t => t.Id).ToList());
    }
}
