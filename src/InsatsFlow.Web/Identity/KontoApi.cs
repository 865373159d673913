using System.Security.Claims;
using InsatsFlow.Data;
using InsatsFlow.Data.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace InsatsFlow.Web.Identity;

public static class KontoApi
{
    public static void MapKontoApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/konto/logga-in", LoggaInAsync).ExcludeFromDescription();
        routes.MapPost("/konto/logga-ut", LoggaUtAsync).ExcludeFromDescription();
        routes.MapPost("/konto/valj-forbund", ValjForbundAsync).RequireAuthorization().ExcludeFromDescription();
        routes.MapGet("/api/konto/jag", Jag).RequireAuthorization().WithTags("Konto").WithSummary("Den inloggade användaren och dess roller");
    }

    /// <summary>Form post from the sign-in page (antiforgery is validated by the middleware for form posts).</summary>
    /// <summary>
    /// Form post from the sign-in page (antiforgery is validated by the middleware for form posts). Someone who belongs to
    /// more than one förbund chooses the active one next (/valj-forbund); the last choice stands until then.
    /// </summary>
    public static async Task<RedirectHttpResult> LoggaInAsync(
        [FromForm] string epost, [FromForm] string losenord, [FromForm] string? returnUrl, SignInManager<Anvandare> signIn, InsatsFlowDbContext db)
    {
        var result = await signIn.PasswordSignInAsync(epost ?? "", losenord ?? "", isPersistent: false, lockoutOnFailure: true);
        var target = IsLocal(returnUrl) ? returnUrl! : "/";
        if (result.Succeeded && await signIn.UserManager.FindByNameAsync(epost!) is { } user
            && (await Medlemskap.AvAsync(db, user.Id)).Count > 1)
            return TypedResults.Redirect($"/valj-forbund?returnUrl={Uri.EscapeDataString(target)}");
        if (result.Succeeded) return TypedResults.Redirect(target);
        var fel = result.IsLockedOut ? "last" : "fel";
        return TypedResults.Redirect($"/logga-in?fel={fel}&returnUrl={Uri.EscapeDataString(target)}");
    }

    /// <summary>Makes one of the user's förbund the active one; a förbund they do not belong to is refused as unknown.</summary>
    public static async Task<Results<RedirectHttpResult, NotFound>> ValjForbundAsync(
        [FromForm] Guid forbund, [FromForm] string? returnUrl, ClaimsPrincipal principal, SignInManager<Anvandare> signIn, InsatsFlowDbContext db)
    {
        if (await signIn.UserManager.GetUserAsync(principal) is not { } user) return TypedResults.NotFound();
        if (!(await Medlemskap.AvAsync(db, user.Id)).Any(m => m.ForbundId == forbund)) return TypedResults.NotFound();
        user.AktivtForbundId = forbund;
        await signIn.UserManager.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        return TypedResults.Redirect(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    public static async Task<RedirectHttpResult> LoggaUtAsync(SignInManager<Anvandare> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.Redirect("/logga-in");
    }

    public static Ok<InloggadAnvandare> Jag(ClaimsPrincipal user) => TypedResults.Ok(new InloggadAnvandare(
        user.Identity?.Name ?? "",
        [.. user.Person().Roller],
        user.FindFirstValue(AnvandareClaimsFactory.Forbund) is { } f ? new AktivtForbundSvar(Guid.Parse(f), user.FindFirstValue(AnvandareClaimsFactory.Forbundsnamn) ?? "") : null));

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}

public sealed record InloggadAnvandare(string Namn, IReadOnlyList<string> Roller, AktivtForbundSvar? Forbund = null);

/// <summary>The förbund whose data the signed-in user sees now.</summary>
public sealed record AktivtForbundSvar(Guid Id, string Namn);
