using System.Security.Claims;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Data;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Web.Identity;

/// <summary>
/// Which förbund an OIDC provider's access token acts in. The provider names it in one claim
/// (<c>Authentication:Oidc:ForbundClaim</c>, "forbund" unless set) by the förbund's id or organisationsnummer; the token
/// then carries the active förbund as a signed-in account does. A token that names none (unless it is the installation's
/// administrator), several, or one the installation does not have is refused with 401 and the reason: without this, the
/// claim's raw value was taken as the förbund's id unchecked.
/// </summary>
public static class OidcForbund
{
    public const string StandardAnsprak = "forbund";

    public static async Task ValideraAsync(TokenValidatedContext context, string ansprak, string rollAnsprak)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity) return;
        var varden = identity.FindAll(ansprak).Select(c => c.Value.Trim()).Where(v => v.Length > 0).Distinct().ToList();
        // the token's own "forbund" claim is never taken as it stands: only the id looked up below is
        foreach (var egen in identity.FindAll(AnvandareClaimsFactory.Forbund).ToList()) identity.RemoveClaim(egen);
        if (varden.Count == 0)
        {
            if (identity.HasClaim(rollAnsprak, Roller.Installation)) return;
            context.Fail(new OidcForbundException($"Åtkomsttoken anger inget förbund (anspråket {ansprak})."));
            return;
        }
        if (varden.Count > 1)
        {
            context.Fail(new OidcForbundException($"Åtkomsttoken anger {varden.Count} förbund i anspråket {ansprak}; ett token verkar i ett förbund."));
            return;
        }
        var varde = varden[0];
        var db = context.HttpContext.RequestServices.GetRequiredService<InsatsFlowDbContext>();
        var id = Guid.TryParse(varde, out var g) ? g : Guid.Empty;
        var forbund = await db.Forbund.IgnoreQueryFilters().AsNoTracking().Where(f => f.Id == id || f.Organisationsnummer == varde)
            .Select(f => new { f.Id, f.Namn }).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (forbund is null)
        {
            context.Fail(new OidcForbundException($"Förbundet {varde} i åtkomsttokens anspråk {ansprak} finns inte i installationen."));
            return;
        }
        identity.AddClaim(new Claim(AnvandareClaimsFactory.Forbund, forbund.Id.ToString()));
        identity.AddClaim(new Claim(AnvandareClaimsFactory.Forbundsnamn, forbund.Namn));
    }

    /// <summary>A refused förbund: 401 with the bearer challenge and the reason in Swedish as problem details.</summary>
    public static async Task UtmanaAsync(JwtBearerChallengeContext context)
    {
        if (context.AuthenticateFailure is not OidcForbundException fel) return;
        context.HandleResponse();
        context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        await TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Åtkomsttoken godtas inte.", detail: fel.Message)
            .ExecuteAsync(context.HttpContext);
    }
}

public sealed class OidcForbundException(string message) : Exception(message);
