using System.Collections;
using InsatsFlow.Engine.Model;
using InsatsFlow.Engine.Runtime;
using InsatsFlow.Engine.Store;
using InsatsFlow.Engine.Time;

namespace InsatsFlow.Engine.Behaviours;

/// <summary>Creates a task for people (assignee, candidates, due date, form) and waits for its completion.</summary>
internal sealed class UserTaskBehaviour : ElementBehaviour<UserTask>
{
    protected override Task EnterAsync(Execution x, LiveInstance live, Token token, UserTask element)
    {
        var assignee = Names(x.Evaluate(live, token, element.Assignee)).FirstOrDefault();
        var task = new TaskItem
        {
            Id = Execution.NewId(),
            InstanceId = live.Record.Id,
            TokenId = token.Id,
            ElementId = element.Id,
            Name = element.Name,
            DefinitionKey = live.Definition.Key,
            BusinessKey = live.Record.BusinessKey,
            TenantId = live.Record.TenantId,
            Assignee = assignee,
            CandidateUsers = TaskItem.Join(Names(x.Evaluate(live, token, element.CandidateUsers))),
            CandidateGroups = TaskItem.Join(Names(x.Evaluate(live, token, element.CandidateGroups))),
            DueAt = DueAt(x, live, token, element),
            FormKey = element.FormKey,
            State = TaskState.Open,
            CreatedAt = x.Now,
        };
        x.Store.Add(task);
        x.TasksCreated.Add(task);
        Jobs.TaskJobs.Plan(x.Services, x.Store, task, element.Boundaries.Any(b => b.Trigger is TimerDefinition), x.Now);
        token.Status = TokenStatus.Waiting;
        token.HasTask = true;
        x.Journal(live, element.Id, "task-created", new()
        {
            ["task"] = task.Id, ["assignee"] = task.Assignee, ["candidateUsers"] = task.CandidateUserList.ToList(),
            ["candidateGroups"] = task.CandidateGroupList.ToList(), ["dueAt"] = task.DueAt,
        });
        return Task.CompletedTask;
    }

    protected override async Task TriggerAsync(Execution x, LiveInstance live, Token token, UserTask element, Trigger trigger)
    {
        if (trigger is not TaskCompleted completed) throw new EngineException($"{element} väntar på att uppgiften slutförs.");
        x.SetVariables(live, completed.Variables);
        await x.LeaveAsync(live, token);
    }

    private static DateTimeOffset? DueAt(Execution x, LiveInstance live, Token token, UserTask element)
    {
        var value = x.Evaluate(live, token, element.DueDate);
        return value switch
        {
            null => null,
            string s when s.Length == 0 => null,
            _ => TimerSchedule.Compute(TimerKind.Duration, value, x.Now, x.Host.TimeZone).At,
        };
    }

    /// <summary>"a, b" or a list → the names.</summary>
    private static IEnumerable<string> Names(object? value) => value switch
    {
        null => [],
        string s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        IEnumerable list => list.Cast<object?>().SelectMany(Names),
        _ => [Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!],
    };
}
