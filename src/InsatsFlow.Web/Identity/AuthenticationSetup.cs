using System.Security.Claims;
using InsatsFlow.Data;
using InsatsFlow.Data.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace InsatsFlow.Web.Identity;

public static class AuthenticationSetup
{
    /// <summary>
    /// Local accounts (ASP.NET Core Identity) with cookie sign-in for pages and API. The API answers 401/403
    /// instead of redirecting. OpenID Connect is added when "Authentication:Oidc:Authority" is configured,
    /// which is how a public-sector identity provider is plugged in.
    /// </summary>
    public static void AddInsatsFlowAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<Anvandare, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<InsatsFlowDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AnvandareClaimsFactory>();

        // The keys that sign cookies and antiforgery tokens live in the database, under one application name, so every
        // node behind a proxy reads what another wrote (no sticky sessions) and a restart does not sign everyone out.
        builder.Services.AddDataProtection().SetApplicationName("InsatsFlow").PersistKeysToDbContext<InsatsFlowDbContext>();

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/logga-in";
            o.AccessDeniedPath = "/ej-behorig";
            o.Cookie.Name = "InsatsFlow";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });

        var oidc = builder.Configuration.GetSection("Authentication:Oidc");
        if (!string.IsNullOrWhiteSpace(oidc["Authority"]))
        {
            builder.Services.AddAuthentication().AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, oidc["DisplayName"] ?? "Extern inloggning", o =>
            {
                o.Authority = oidc["Authority"];
                o.ClientId = oidc["ClientId"];
                o.ClientSecret = oidc["ClientSecret"];
                o.ResponseType = "code";
                o.SaveTokens = false;
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.TokenValidationParameters.RoleClaimType = oidc["RoleClaim"] ?? ClaimTypes.Role;
            });
        }

        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
