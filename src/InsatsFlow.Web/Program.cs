using System.Globalization;
using System.Text.Json.Serialization;
using InsatsFlow.Data;
using InsatsFlow.Data.Demo;
using InsatsFlow.Web.Components;
using InsatsFlow.Web.Features.Arbetsfloden;
using InsatsFlow.Web.Features.Dokument;
using InsatsFlow.Web.Features.Insatser;
using InsatsFlow.Web.Features.Integration;
using InsatsFlow.Web.Features.Instanser;
using InsatsFlow.Web.Features.Regelverk;
using InsatsFlow.Web.Features.Uppgifter;
using InsatsFlow.Web.Health;
using InsatsFlow.Web.Hosting;
using InsatsFlow.Web.Identity;
using InsatsFlow.Web.Security;
using Scalar.AspNetCore;

// Numbers, dates and sorting as Swedes read them, also on Blazor's circuits (which do not run the middleware).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");

var builder = WebApplication.CreateBuilder(args);

var paths = RepositoryPaths.Discover(builder.Environment.ContentRootPath, builder.Configuration["InsatsFlow:Root"]);
// Database settings that cannot work stop the start with one Swedish line naming the setting, not a stack trace.
try { builder.AddInsatsFlow(paths); }
catch (DatabaseConfigurationException e) { return StartFailed(e); }
builder.Services.Configure<DemoDataOptions>(builder.Configuration.GetSection(DemoDataOptions.Section));
builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddScoped<DemoAccounts>();
builder.AddInsatsFlowAuthentication();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("databas");
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddInsatsFlowOpenApi();
// Swedish ProblemDetails for every error, the framework's too; request body limits.
builder.AddSvenskaFel();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();

try { await app.PrepareDatabaseAsync(); }
catch (DatabaseConfigurationException e) { return StartFailed(e); }

app.UseRequestLocalization(o => o.SetDefaultCulture("sv-SE").AddSupportedCultures("sv-SE").AddSupportedUICultures("sv-SE"));
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseBegaranGranser();
app.UseSecurityHeaders();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthChecks("/health");
app.MapOpenApi();
app.MapScalarApiReference();
app.MapKontoApi();
app.MapMaskinklienterApi();
InsatsFlow.Web.Features.Installation.ForbundsparametrarApi.MapForbundsparametrarApi(app);
InsatsFlow.Web.Features.Installation.InstallationApi.MapInstallationApi(app);
app.MapWebhooksApi();
app.MapInsatserApi();
app.MapUppgifterApi();
app.MapArbetsflodenApi();
app.MapInstanserApi();
app.MapRegelverkApi();
app.MapDokumentApi();
app.MapForbundsmallarApi();
InsatsFlow.Web.Features.Export.ExportApi.MapExportApi(app);
InsatsFlow.Web.Features.Sus.SusApi.MapSusApi(app);
InsatsFlow.Web.Features.Incidenter.IncidenterApi.MapIncidenterApi(app);
InsatsFlow.Web.Features.Budget.BudgetprocessApi.MapBudgetprocessApi(app);
InsatsFlow.Web.Features.Tidsfrister.TidsfristerApi.MapTidsfristerApi(app);
// Our own CSP already says frame-ancestors 'none'; Blazor would add a second header.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);

app.Run();
return 0;

static int StartFailed(DatabaseConfigurationException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
