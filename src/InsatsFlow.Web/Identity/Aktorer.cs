using System.Security.Claims;
using InsatsFlow.Engine;
using InsatsFlow.Engine.Store;

namespace InsatsFlow.Web.Identity;

/// <summary>
/// The signed-in person as the engine sees them: the user id is the user name (e-post), the groups are the
/// roles plus "medlem:&lt;id&gt;" for the member party they represent.
/// </summary>
public static class Aktorer
{
    public static TaskActor Aktor(this ClaimsPrincipal user)
    {
        var grupper = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        if (user.FindFirstValue(AnvandareClaimsFactory.Medlem) is { } medlem) grupper.Add("medlem:" + medlem);
        return new TaskActor(user.Identity?.Name ?? "", grupper);
    }

    /// <summary>May act on the task by role and assignment: its assignee, or a candidate while nobody has it.</summary>
    public static bool FarHandlagga(this ClaimsPrincipal user, TaskItem task)
    {
        var aktor = user.Aktor();
        if (task.Assignee is not null) return task.Assignee == aktor.UserId;
        return task.CandidateUserList.Contains(aktor.UserId) || task.CandidateGroupList.Intersect(aktor.Groups).Any();
    }

    /// <summary>
    /// May see the task (for lists of deadlines): whoever may act on it, plus the kansli, admin and revisor who
    /// oversee. A sökande's own insats is checked by UppgiftsAtgarder, which knows the kontaktpersoner.
    /// </summary>
    public static bool FarSe(this ClaimsPrincipal user, TaskItem task) =>
        (user.FarHandlagga(task) && !user.IsInRole("sokande")) || task.Assignee == user.Identity?.Name
        || user.IsInRole("kansli") || user.IsInRole("admin") || user.IsInRole("revisor");
}
