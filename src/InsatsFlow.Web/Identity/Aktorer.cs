using System.Security.Claims;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Engine;

namespace InsatsFlow.Web.Identity;

/// <summary>
/// The signed-in person as behörighet and the engine see them: the user id is the user name (e-post), the roles, and
/// the member party they represent (groups "medlem:&lt;id&gt;"). What they may do is for <see cref="Behorighetskontroll"/>.
/// </summary>
public static class Aktorer
{
    public static Person Person(this ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "",
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(),
        Guid.TryParse(user.FindFirstValue(AnvandareClaimsFactory.Medlem), out var medlem) ? medlem : null,
        user.FindFirstValue(ClaimTypes.Email));

    public static TaskActor Aktor(this ClaimsPrincipal user) => user.Person().Aktor;
}
