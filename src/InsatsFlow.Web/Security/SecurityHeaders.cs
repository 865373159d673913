namespace InsatsFlow.Web.Security;

/// <summary>Headers every response carries: no framing, no sniffing, a strict content policy.</summary>
public static class SecurityHeaders
{
    // bpmn-js sets inline styles on the canvas; scripts are only our own bundles and Blazor's.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        // Scalar's API reference loads its own inline script; it keeps the framework's defaults.
        if (!context.Request.Path.StartsWithSegments("/scalar"))
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        await next();
    });
}
