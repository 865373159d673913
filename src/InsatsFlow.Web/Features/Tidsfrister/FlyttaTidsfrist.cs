using System.Globalization;
using InsatsFlow.Core.Kalender;
using InsatsFlow.Engine;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InsatsFlow.Web.Features.Tidsfrister;

/// <summary>Moves a task's deadline for the API and the page: checks the fields, runs the engine command, reschedules the chain.</summary>
public sealed class FlyttaTidsfrist(ProcessEngine motor, TaskDeadlines frister, TimeProvider tid)
{
    public async Task<Results<Ok<FlyttadTidsfrist>, ValidationProblem, ProblemHttpResult>> UtforAsync(
        string uppgiftId, FlyttaTidsfristBegaran begaran, string anvandare, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(begaran.Skal))
            return ProblemResults.Falt("skal", "Ange varför tidsfristen flyttas.");
        if (string.IsNullOrWhiteSpace(begaran.NyttDatum))
            return ProblemResults.Falt("nyttDatum", "Ange det nya datumet (ÅÅÅÅ-MM-DD).");
        var uppgift = await motor.FindTaskAsync(uppgiftId, ct);
        if (uppgift is null) return ProblemResults.SaknasProblem($"Uppgiften {uppgiftId} finns inte.");
        if (Tolka(begaran.NyttDatum, uppgift.DueAt) is not { } ny)
            return ProblemResults.Falt("nyttDatum", $"\"{begaran.NyttDatum}\" är inte ett datum (ÅÅÅÅ-MM-DD) eller en tidpunkt (ISO 8601 med tidszon).");
        if (ny <= tid.GetUtcNow())
            return ProblemResults.Falt("nyttDatum", "Det nya datumet har redan passerat.");
        try
        {
            var flytt = await frister.MoveDueDateAsync(new MoveDueDateCommand(uppgiftId, ny, begaran.Skal.Trim(), anvandare), ct);
            return TypedResults.Ok(new FlyttadTidsfrist(flytt.TaskId, flytt.OldDueAt, flytt.NewDueAt,
                flytt.Timers.Select(t => new FlyttadTimer(t.ElementId, t.OldDueAt, t.NewDueAt)).ToList()));
        }
        catch (EngineValidationException e)
        {
            return ProblemResults.Falt(e.Message.Contains("(fältet skal)") ? "skal" : "nyttDatum", e.Message);
        }
        catch (EngineException e)
        {
            return ProblemResults.FranMotorn(e);
        }
    }

    /// <summary>A date keeps the old deadline's Stockholm time of day (09:00 without one); a time needs its offset.</summary>
    public static DateTimeOffset? Tolka(string text, DateTimeOffset? tidigare)
    {
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var datum))
        {
            var klockslag = tidigare is { } t ? TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(t, SvenskaArbetsdagar.Stockholm).DateTime) : new TimeOnly(9, 0);
            return SvenskaArbetsdagar.TillUtc(datum.ToDateTime(klockslag));
        }
        var harZon = text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T');
        return text.Contains('T') && harZon && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var tidpunkt)
            ? tidpunkt : null;
    }
}
