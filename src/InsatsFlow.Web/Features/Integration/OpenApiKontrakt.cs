using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace InsatsFlow.Web.Features.Integration;

/// <summary>
/// The API as a contract other systems generate clients from (issue 17): every operation has a stable operationId,
/// its security (the cookie for the pages, a bearer token for machines) and each outcome with its ProblemDetails
/// shape. Endpoints answer problems through ProblemHttpResult, whose status the framework cannot see, so the
/// outcomes an endpoint can have are declared here once, from what it is: signed-in (401, 403), with input (400),
/// naming a resource (404), a command (409, and 422 for a reused x-requestid). docs/openapi.json is the committed copy.
/// </summary>
public static class OpenApiKontrakt
{
    public const string KakSchema = "kaka";
    public const string BearerSchema = "bearer";

    public static void AddInsatsFlowOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) => { Dokument(document); return Task.CompletedTask; });
            o.AddOperationTransformer((operation, context, _) => { Operation(operation, context); return Task.CompletedTask; });
        });

    private static void Dokument(OpenApiDocument document)
    {
        document.Info = new OpenApiInfo
        {
            Title = "InsatsFlows API för integrationer",
            Version = "v1",
            Description = "Insatser, uppgifter, arbetsflöden, regelverk och dokument för samordningsförbund. "
                + "Sidorna loggar in med kakan; andra system med en bearer-token (maskinklient eller OIDC-leverantörens åtkomsttoken).",
        };
        document.Servers = [new OpenApiServer { Url = "/", Description = "Samma värd som sidorna" }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[KakSchema] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "InsatsFlow",
            Description = "Inloggningskakan från sidorna (/logga-in).",
        };
        document.Components.SecuritySchemes[BearerSchema] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
            Description = "Åtkomsttoken för maskinklienter (OAuth 2.0 client credentials, /api/oauth/token) eller från förbundets OIDC-leverantör.",
        };
        var taggar = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var sokvag in document.Paths?.Values ?? Enumerable.Empty<IOpenApiPathItem>())
            foreach (var operation in sokvag.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
                foreach (var tagg in operation.Tags ?? Enumerable.Empty<OpenApiTagReference>())
                    if (tagg.Name is { } namn) taggar.Add(namn);
        document.Tags = new HashSet<OpenApiTag>(taggar.Select(n => new OpenApiTag { Name = n, Description = Taggbeskrivning(n) }));
    }

    private static string Taggbeskrivning(string tagg) => tagg switch
    {
        "Insatser" => "Registrera och läsa insatser.",
        "Uppgifter" => "Inkorgen: ta, lämna tillbaka och slutföra uppgifter.",
        "Arbetsflöden" => "BPMN-definitioner, utkast och publicering.",
        "Instanser" => "Processinstanser, journal, incidenter och migrering.",
        "Regelverk" => "Regelverkens versioner, testfall och prövning.",
        "Dokument" => "Arkiverade dokument.",
        "Export" => "SUS-export och arkivpaket.",
        "SUS" => "SUS-uppgifter och värdelistor.",
        "Tidsfrister" => "Tidsfrister och schemalagda jobb.",
        "Konto" => "Den inloggade användaren.",
        "Integration" => "Maskinklienter, token och webhooks för andra system.",
        _ => tagg,
    };

    private static void Operation(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var beskrivning = context.Description;
        var metod = beskrivning.HttpMethod ?? "GET";
        operation.OperationId ??= OperationId(beskrivning);
        operation.Responses ??= new OpenApiResponses();
        var dokument = context.Document;

        var inloggad = beskrivning.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any()
            && !beskrivning.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();
        if (inloggad)
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(KakSchema, dokument)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerSchema, dokument)] = [] },
            ];
            Problem(operation, dokument, "401", "Inte inloggad.");
            Problem(operation, dokument, "403", "Inloggad men utan behörighet.");
        }
        var harIndata = beskrivning.ParameterDescriptions.Any(p => p.Source.Id is "Query" or "Path" or "Body" or "Form")
            || metod is "POST" or "PUT";
        if (harIndata) Problem(operation, dokument, "400", "Ogiltiga uppgifter; fälten namnges.", validering: true);
        if (beskrivning.ParameterDescriptions.Any(p => p.Source.Id == "Path"))
            Problem(operation, dokument, "404", "Finns inte.");
        if (metod is "POST" or "PUT" or "DELETE")
        {
            Problem(operation, dokument, "409", "Krock med en annan ändring eller med tillståndet.");
            if (beskrivning.ParameterDescriptions.Any(p => p.Name == "x-requestid"))
                Problem(operation, dokument, "422", "Begärans nyckel (x-requestid) är redan använd för en annan begäran.");
        }
        if (!inloggad && operation.Responses.Keys.All(k => !k.StartsWith('4')))
            Problem(operation, dokument, "400", "Ogiltig begäran.");
    }

    /// <summary>Stable: the API class and the handler's name ("insatserRegistrera"), unless the endpoint names itself (WithName).</summary>
    public static string OperationId(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription beskrivning)
    {
        var metadata = beskrivning.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IEndpointNameMetadata>().FirstOrDefault() is { } namn) return namn.EndpointName;
        var handler = metadata.OfType<System.Reflection.MethodInfo>().FirstOrDefault();
        var klass = handler?.DeclaringType?.Name.Replace("Api", "", StringComparison.Ordinal) ?? "api";
        var metodnamn = handler?.Name.Replace("Async", "", StringComparison.Ordinal) ?? beskrivning.HttpMethod ?? "";
        if (handler is null || metodnamn.Contains('<'))
            throw new InvalidOperationException($"{beskrivning.HttpMethod} /{beskrivning.RelativePath} behöver ett namn (WithName) för sitt operationId.");
        return Ascii(char.ToLowerInvariant(klass[0]) + klass[1..] + metodnamn);
    }

    private static string Ascii(string s)
    {
        var d = s.Normalize(NormalizationForm.FormD);
        return new string([.. d.Where(c => c < 128 && char.IsLetterOrDigit(c))]);
    }

    private static void Problem(OpenApiOperation operation, OpenApiDocument? dokument, string status, string beskrivning, bool validering = false)
    {
        if (operation.Responses!.ContainsKey(status)) return;
        var schema = validering ? "HttpValidationProblemDetails" : "ProblemDetails";
        operation.Responses[status] = new OpenApiResponse
        {
            Description = beskrivning,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, dokument) },
            },
        };
    }
}
