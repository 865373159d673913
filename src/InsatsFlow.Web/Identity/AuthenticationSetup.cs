using System.Security.Claims;
using InsatsFlow.Data;
using InsatsFlow.Data.Identity;
using InsatsFlow.Web.Features.Integration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace InsatsFlow.Web.Identity;

public static class AuthenticationSetup
{
    /// <summary>The default scheme: picks the cookie, a machine client's token or the OIDC provider's access token.</summary>
    public const string Valjare = "kaka-eller-bearer";
    public const string OidcBearer = "oidc-bearer";

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

        // Machines sign in with a bearer token (issue 17): a machine client's API token, or an access token from the
        // configured OIDC provider. Without an Authorization header everything goes to the cookie, as before.
        var oidc = builder.Configuration.GetSection("Authentication:Oidc");
        var medOidc = !string.IsNullOrWhiteSpace(oidc["Authority"]);
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, MaskinklientAutentisering>(MaskinklientAutentisering.Schema, "Maskinklient", null)
            .AddPolicyScheme(Valjare, "Kaka eller bearer-token", o => o.ForwardDefaultSelector = context =>
                MaskinklientAutentisering.Bearer(context.Request) is not { } token ? IdentityConstants.ApplicationScheme
                : medOidc && MaskinklientToken.KlientId(token) is null ? OidcBearer
                : MaskinklientAutentisering.Schema);
        builder.Services.Configure<AuthenticationOptions>(o =>
        {
            o.DefaultScheme = Valjare;
            o.DefaultAuthenticateScheme = Valjare;
            o.DefaultChallengeScheme = Valjare;
            o.DefaultForbidScheme = Valjare;
        });
        if (medOidc)
        {
            builder.Services.AddAuthentication().AddJwtBearer(OidcBearer, o =>
            {
                o.Authority = oidc["Authority"];
                o.Audience = oidc["Audience"] ?? oidc["ClientId"];
                o.MapInboundClaims = false;
                o.TokenValidationParameters.NameClaimType = oidc["NameClaim"] ?? "preferred_username";
                o.TokenValidationParameters.RoleClaimType = oidc["RoleClaim"] ?? "roles";
                var forbundsansprak = oidc["ForbundClaim"] ?? OidcForbund.StandardAnsprak;
                o.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context => OidcForbund.ValideraAsync(context, forbundsansprak, o.TokenValidationParameters.RoleClaimType),
                    OnChallenge = OidcForbund.UtmanaAsync,
                };
            });
        }
        if (medOidc)
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
