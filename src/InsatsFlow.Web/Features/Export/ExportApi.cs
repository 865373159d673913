using System.IO.Compression;
using InsatsFlow.Core.Arkiv;
using InsatsFlow.Core.Behorighet;
using InsatsFlow.Core.Sus;
using InsatsFlow.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using InsatsFlow.Web.Components.Shared;
using Microsoft.EntityFrameworkCore;

namespace InsatsFlow.Web.Features.Export;

/// <summary>The SUS export (per förbund and year, XLSX or CSV) and the archive package of a closed insats (a zipped E-ARK SIP).</summary>
public static class ExportApi
{
    /// <summary>Who reads the budget page reads its SUS export.</summary>
    public static readonly string[] SusRoller = [Roller.Kansli, Roller.Styrelse, Roller.Revisor, Roller.Admin];

    /// <summary>The kansli hands a closed ärende to the archive.</summary>
    public static readonly string[] ArkivRoller = [Roller.Kansli, Roller.Admin];

    public static void MapExportApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/export").WithTags("Export");
        api.MapGet("/sus", SusAsync).RequireAuthorization(p => p.RequireRole(SusRoller))
            .WithSummary("SUS-exporten för ett år: en rad per insats och samverkansbudgeten per finansiär (?ar=ÅÅÅÅ&format=xlsx|csv)")
            .Produces(StatusCodes.Status200OK, contentType: Xlsx).Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/arkiv", ArkivAsync).RequireAuthorization(p => p.RequireRole(ArkivRoller))
            .WithSummary("Arkivpaketet (E-ARK SIP, zip) för en avslutad insats (?diarienummer=)")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> SusAsync(
        int? ar, string? format, Guid? forbund, InsatsFlowDbContext db, SusExport export, TimeProvider tid, CancellationToken ct)
    {
        if (ar is not (>= 2000 and <= 2100)) return ProblemResults.Falt("ar", "Ange året som ska exporteras, till exempel ?ar=2026.");
        var typ = (format ?? "xlsx").ToLowerInvariant();
        if (typ is not ("xlsx" or "csv")) return ProblemResults.Falt("format", $"Formatet \"{format}\" finns inte; välj xlsx eller csv.");
        var forbundId = forbund ?? (await db.Forbund.Select(f => f.Id).Take(2).ToListAsync(ct)) switch
        {
            [var ende] => ende,
            _ => (Guid?)null,
        };
        if (forbundId is null || !await db.Forbund.AnyAsync(f => f.Id == forbundId, ct))
            return ProblemResults.Falt("forbund", "Ange förbundet (?forbund=) – det finns inget eller flera förbund.");

        var resultat = await export.ByggAsync(forbundId.Value, ar.Value, Visning.Idag(tid), ct);
        if (resultat.Fil is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "SUS-exporten kan inte göras: insatser saknar uppgifter som SUS behöver.",
                detail: string.Join("\n", resultat.Avvisade.Select(a => a.Text)),
                extensions: new Dictionary<string, object?>
                {
                    ["saknas"] = resultat.Avvisade.ToDictionary(a => a.Insats.Diarienummer, a => a.Saknas),
                });
        using var minne = new MemoryStream();
        if (typ == "xlsx") await SusExportformat.SkrivXlsxAsync(resultat.Fil, minne, ct);
        else await SusExportformat.SkrivCsvAsync(resultat.Fil, minne, ct);
        return TypedResults.File(minne.ToArray(), typ == "xlsx" ? Xlsx : "text/csv; charset=utf-8", $"sus-{ar}.{typ}");
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ArkivAsync(
        string? diarienummer, Arkivpaketering paketering, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(diarienummer)) return ProblemResults.Falt("diarienummer", "Ange insatsens diarienummer (?diarienummer=SF 2026/014).");
        var katalog = Directory.CreateTempSubdirectory("insatsflow-arkiv-");
        try
        {
            var rot = await paketering.SkapaAsync(diarienummer.Trim(), katalog.FullName, ct);
            var zip = Path.Combine(katalog.FullName, Path.GetFileName(rot) + ".zip");
            // CSIPSTR3: a zipped package unpacks to its single root folder.
            ZipFile.CreateFromDirectory(rot, zip, CompressionLevel.Optimal, includeBaseDirectory: true);
            return TypedResults.File(await File.ReadAllBytesAsync(zip, ct), "application/zip", Path.GetFileName(zip));
        }
        catch (ArkivFel e) when (e.Message.StartsWith("Det finns ingen insats", StringComparison.Ordinal))
        {
            return ProblemResults.SaknasProblem(e.Message);
        }
        catch (ArkivFel e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Insatsen kan inte arkiveras.", detail: e.Message,
                extensions: new Dictionary<string, object?> { ["saknas"] = e.Saknas });
        }
        finally
        {
            katalog.Delete(recursive: true);
        }
    }
}
