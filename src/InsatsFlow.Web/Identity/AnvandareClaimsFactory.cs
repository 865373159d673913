using System.Security.Claims;
using InsatsFlow.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace InsatsFlow.Web.Identity;

/// <summary>Adds the name people recognise and the member party they represent to the sign-in cookie.</summary>
public sealed class AnvandareClaimsFactory(UserManager<Anvandare> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Anvandare, IdentityRole>(users, roles, options)
{
    public const string Namn = "namn";
    public const string Medlem = "medlem";
    public const string Forbundschef = "forbundschef";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Anvandare user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Namn, user.Namn));
        if (user.MedlemId is { } medlem) identity.AddClaim(new Claim(Medlem, medlem.ToString()));
        if (user.ArForbundschef) identity.AddClaim(new Claim(Forbundschef, "true"));
        return identity;
    }
}
