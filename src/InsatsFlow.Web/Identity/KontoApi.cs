using System.Security.Claims;
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
        routes.MapGet("/api/konto/jag", Jag).RequireAuthorization().WithTags("Konto").WithSummary("Den inloggade användaren och dess roller");
    }

    /// <summary>Form post from the sign-in page (antiforgery is validated by the middleware for form posts).</summary>
    public static async Task<RedirectHttpResult> LoggaInAsync(
        [FromForm] string epost, [FromForm] string losenord, [FromForm] string? returnUrl, SignInManager<Anvandare> signIn)
    {
        var result = await signIn.PasswordSignInAsync(epost ?? "", losenord ?? "", isPersistent: false, lockoutOnFailure: true);
        var target = IsLocal(returnUrl) ? returnUrl! : "/";
        if (result.Succeeded) return TypedResults.Redirect(target);
        var fel = result.IsLockedOut ? "last" : "fel";
        return TypedResults.Redirect($"/logga-in?fel={fel}&returnUrl={Uri.EscapeDataString(target)}");
    }

    public static async Task<RedirectHttpResult> LoggaUtAsync(SignInManager<Anvandare> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.Redirect("/logga-in");
    }

    public static Ok<InloggadAnvandare> Jag(ClaimsPrincipal user) => TypedResults.Ok(new InloggadAnvandare(
        user.Identity?.Name ?? "",
        [.. user.Person().Roller]));

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}

public sealed record InloggadAnvandare(string Namn, IReadOnlyList<string> Roller);
