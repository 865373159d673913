using System.Security.Claims;
using System.Text.Encodings.Web;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InsatsFlow.Web.Features.Integration;

/// <summary>
/// Bearer tokens of machine clients (RFC 6750): "Authorization: Bearer ifk_…". The client signs in as a person named
/// "klient:&lt;namn&gt;" with the roles of its scopes, so behörighet and the journal see it by name. A refused token
/// answers 401 with WWW-Authenticate: Bearer error="invalid_token".
/// </summary>
public sealed class MaskinklientAutentisering(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Schema = "maskinklient";
    public const string Anvandarprefix = "klient:";
    public const string KlientClaim = "maskinklient";
    public const string OmfangClaim = "scope";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Bearer(Request) is not { } token) return AuthenticateResult.NoResult();
        if (MaskinklientToken.KlientId(token) is not { } id) return AuthenticateResult.Fail("Token har fel form.");
        var db = Context.RequestServices.GetRequiredService<InsatsFlowDbContext>();
        var klient = await db.Maskinklienter.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, Context.RequestAborted);
        if (klient is null || klient.AterkalladUtc is not null || !MaskinklientToken.Stammer(token, klient.TokenHash))
            return AuthenticateResult.Fail("Token är okänd, återkallad eller ersatt.");

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, Anvandarprefix + klient.Namn),
            new(KlientClaim, klient.Id.ToString()),
            new(Identity.AnvandareClaimsFactory.Forbund, klient.ForbundId.ToString()), // a client acts in the förbund that made it
        };
        claims.AddRange(klient.OmfangLista.Select(o => new Claim(OmfangClaim, o)));
        claims.AddRange(Omfang.Roller(klient.OmfangLista).Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Schema));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Schema));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = Bearer(Request) is null
            ? "Bearer realm=\"InsatsFlow\""
            : "Bearer realm=\"InsatsFlow\", error=\"invalid_token\"";
        return Task.CompletedTask;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"InsatsFlow\", error=\"insufficient_scope\"";
        return Task.CompletedTask;
    }

    public static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }
}
