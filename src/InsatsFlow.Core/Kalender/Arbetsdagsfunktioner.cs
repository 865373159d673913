using InsatsFlow.Engine.Expressions;
using InsatsFlow.Engine.Time;

namespace InsatsFlow.Core.Kalender;

/// <summary>
/// Expression functions for deadlines, callable in ${…} (register with
/// <c>EngineOptions.UseFunctions&lt;Arbetsdagsfunktioner&gt;()</c>, or derive from this class to add more).
/// </summary>
public class Arbetsdagsfunktioner : ExpressionFunctions
{
    /// <summary>
    /// <paramref name="n"/> working days from now (the engine's calendar, normally <see cref="SvenskaArbetsdagar"/>)
    /// at the same local time of day in the engine's zone, in UTC: <c>camunda:dueDate="${arbetsdagar(10)}"</c>.
    /// A negative n is refused, and so is one above the engine's limit (ExpressionLimits.MaxWorkingDays).
    /// </summary>
    public DateTimeOffset arbetsdagar(int n)
    {
        CheckWorkingDays(n, "arbetsdagar");
        SvenskaArbetsdagar.KravIckeNegativ(n);
        var lokal = TimeZoneInfo.ConvertTime(Now, Zone).DateTime;
        var dag = Calendar.AddWorkingDays(DateOnly.FromDateTime(lokal), n);
        return SvenskaArbetsdagar.TillUtc(dag.ToDateTime(TimeOnly.FromDateTime(lokal)), Zone);
    }

    /// <summary>
    /// "Senast <paramref name="dag"/>": due at the end of that day in the engine's zone (23:59:59 Stockholm), so the
    /// whole last legal day counts and no reminder calls it overdue before the day is over:
    /// <c>camunda:dueDate="${senast(DateOnly(Convert.ToInt32(budgetar) - 1, 11, 30))}"</c>.
    /// </summary>
    public DateTimeOffset senast(DateOnly dag) => SvenskaArbetsdagar.TillUtc(dag.ToDateTime(new TimeOnly(23, 59, 59)), Zone);
}
