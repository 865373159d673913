using System.Security.Claims;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Engine;
using InsatsFlow.Web.Features.Integration;

namespace InsatsFlow.Web.Identity;

/// <summary>
/// The signed-in person as behörighet and the engine see them: the user id is the user name (e-post), the roles, and
/// the member party they represent (groups "medlem:&lt;id&gt;"). What they may do is for <see cref="Behorighetskontroll"/>.
/// </summary>
public static class Aktorer
{
    public static Person Person(this ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "",
        // each sign-in names its own role claim: the cookie ClaimTypes.Role, an OIDC access token "roles" or as configured
        user.Identities.SelectMany(i => i.FindAll(i.RoleClaimType)).Select(c => c.Value).Distinct().ToList(),
        Guid.TryParse(user.FindFirstValue(AnvandareClaimsFactory.Medlem), out var medlem) ? medlem : null,
        user.FindFirstValue(ClaimTypes.Email),
        user.HasClaim(c => c.Type == MaskinklientAutentisering.KlientClaim)
            ? user.FindAll(MaskinklientAutentisering.OmfangClaim).Select(c => c.Value).ToList() : null,
        InloggningensForbund.Forbund(user),
        user.HasClaim(AnvandareClaimsFactory.Forbundschef, "true"));

    public static TaskActor Aktor(this ClaimsPrincipal user) => user.Person().Aktor;
}
