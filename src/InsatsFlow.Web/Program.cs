using System.Text.Json.Serialization;
using InsatsFlow.Data;
using InsatsFlow.Data.Demo;
using InsatsFlow.Web.Features.Insatser;
using InsatsFlow.Web.Health;
using InsatsFlow.Web.Hosting;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

var paths = RepositoryPaths.Discover(builder.Environment.ContentRootPath, builder.Configuration["InsatsFlow:Root"]);
builder.Services.AddSingleton(paths);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddInsatsFlowData(DatabaseStartup.ConnectionString(builder.Configuration, paths));
builder.Services.Configure<DemoDataOptions>(builder.Configuration.GetSection(DemoDataOptions.Section));
builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("databas");
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddOpenApi();
builder.Services.AddProblemDetails();

var app = builder.Build();

await app.PrepareDatabaseAsync();

app.UseExceptionHandler();
app.MapHealthChecks("/health");
app.MapOpenApi();
app.MapScalarApiReference();
app.MapInsatserApi();
app.MapGet("/", () => Results.Redirect("/scalar")).ExcludeFromDescription();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
