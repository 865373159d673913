using System.Text.Json;
using System.Xml.Linq;
using InsatsFlow.Engine.Parsing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InsatsFlow.Web.Features.Arbetsfloden;

/// <summary>
/// A BPMN text sent to the API: the XML itself (application/xml, text/xml) or JSON {"xml": "...", "version": n}.
/// It must at least be well-formed XML with bpmn:definitions at the root; whether it is valid BPMN is for validate/publish.
/// </summary>
public sealed record BpmnBody(string Xml, long? Version, XDocument Dokument)
{
    public string? ProcessNyckel => (string?)Dokument.Root?.Element(BpmnParser.Bpmn + "process")?.Attribute("id");

    public string? Namn => (string?)Dokument.Root?.Element(BpmnParser.Bpmn + "process")?.Attribute("name");

    public static async Task<(BpmnBody? Body, ValidationProblem? Problem)> LasAsync(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        string xml;
        long? version = null;
        if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                using var json = JsonDocument.Parse(text);
                if (json.RootElement.ValueKind != JsonValueKind.Object)
                    return (null, InnehallsProblem.Json("$", "ska vara ett objekt {\"xml\": \"<bpmn:definitions …>\"}"));
                if (!json.RootElement.TryGetProperty("xml", out var x) || x.ValueKind != JsonValueKind.String)
                    return (null, InnehallsProblem.Json("$.xml", "BPMN-texten saknas; skicka {\"xml\": \"<bpmn:definitions …>\"}"));
                xml = x.GetString()!;
                if (json.RootElement.TryGetProperty("version", out var v))
                {
                    if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out var n))
                        return (null, InnehallsProblem.Json("$.version", "ska vara ett heltal (utkastets version när du öppnade det)"));
                    version = n;
                }
            }
            catch (JsonException e)
            {
                var (sokvag, meddelande) = InsatsFlow.Engine.Parsing.JsonMessages.Beskriv(e);
                return (null, InnehallsProblem.Json(sokvag, meddelande));
            }
        }
        else xml = text;

        if (string.IsNullOrWhiteSpace(xml))
            return (null, ProblemResults.Falt("xml", "BPMN-texten är tom."));
        XDocument dokument;
        // The engine's reader: no DTD, size and nesting limited, Swedish errors with line and position.
        try { dokument = BpmnXml.Load(xml, request.HttpContext.RequestServices.GetRequiredService<InsatsFlow.Engine.EngineOptions>().BpmnLimits, null); }
        catch (BpmnValidationException e)
        {
            return (null, InnehallsProblem.Bpmn(e.Problems, "BPMN-texten är inte välformad XML; inget har sparats."));
        }
        if (dokument.Root?.Name != BpmnParser.Bpmn + "definitions")
            return (null, InnehallsProblem.Bpmn([new BpmnProblem(null, 1, $"rotelementet ska vara bpmn:definitions, inte {dokument.Root?.Name.LocalName}")], "Det är ingen BPMN-fil; inget har sparats."));
        return (new BpmnBody(xml, version, dokument), null);
    }
}
