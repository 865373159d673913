using System.Security.Claims;
using InsatsFlow.Core.Behorighet;
using Microsoft.AspNetCore.Components.Authorization;

namespace InsatsFlow.Web.Identity;

/// <summary>
/// The active förbund of the signed-in caller, from the claim "forbund": on a request its user, in an interactive page
/// (no request) the circuit's. A signed-in caller without the claim belongs to no förbund and sees nothing. Outside both
/// (start-up, the job executor, yearly events) there is no caller: the installation's work, unfiltered. An anonymous
/// request is unfiltered too, because sign-in itself (a machine client's token, an account) is looked up before anyone
/// is known; every endpoint that shows data asks for a signed-in caller first.
/// </summary>
public sealed class InloggningensForbund(IHttpContextAccessor http, IServiceProvider services) : IAktivtForbund
{
    public Guid? ForbundId
    {
        get
        {
            if (http.HttpContext is { } context)
                return context.User.Identity?.IsAuthenticated == true ? Forbund(context.User) : null;
            if (Kretsens() is not { } krets) return null;
            return krets.Identity?.IsAuthenticated == true ? Forbund(krets) : AktivtForbund.Ingen;
        }
    }

    public static Guid Forbund(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(AnvandareClaimsFactory.Forbund), out var f) ? f : AktivtForbund.Ingen;

    /// <summary>The user of an interactive page's circuit, or null where no circuit is (a background scope).</summary>
    private ClaimsPrincipal? Kretsens()
    {
        if (services.GetService<AuthenticationStateProvider>() is not { } provider) return null;
        try
        {
            var tillstand = provider.GetAuthenticationStateAsync();
            // not yet known: nobody, never the installation
            return tillstand.IsCompletedSuccessfully ? tillstand.Result.User : new ClaimsPrincipal(new ClaimsIdentity());
        }
        catch (InvalidOperationException)
        {
            return null; // a scope without a circuit: the provider was never given a user
        }
    }
}
