using InsatsFlow.Engine.Time;

namespace InsatsFlow.Engine.Expressions;

/// <summary>
/// Functions callable unqualified in <c>${…}</c>. A host derives from this class to offer its own
/// (Core adds <c>arbetsdagar(n)</c>) and registers it with <see cref="EngineOptions.UseFunctions{T}"/>.
/// The engine binds the command's time, calendar and zone before each evaluation.
/// </summary>
public class ExpressionFunctions
{
    private DateTimeOffset clock;
    private IBusinessCalendar calendar = new AllDaysCalendar();
    private TimeZoneInfo zone = TimeZoneInfo.Utc;
    private ExpressionLimits limits = new();

    /// <summary>The command's "now" (from the engine's TimeProvider).</summary>
    protected DateTimeOffset Now => clock;

    protected IBusinessCalendar Calendar => calendar;

    protected TimeZoneInfo Zone => zone;

    /// <summary>Today's date in the engine's time zone.</summary>
    protected DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock, zone).DateTime);

    /// <summary>The engine's limits (for example the largest number of working days a function may count).</summary>
    protected ExpressionLimits Limits => limits;

    internal void Bind(DateTimeOffset at, IBusinessCalendar businessCalendar, TimeZoneInfo timeZone, ExpressionLimits expressionLimits)
    {
        clock = at;
        calendar = businessCalendar;
        zone = timeZone;
        limits = expressionLimits;
    }

    /// <summary>Refuses a working-day count above <see cref="ExpressionLimits.MaxWorkingDays"/> (counting is day by day).</summary>
    protected void CheckWorkingDays(int days, string function)
    {
        if (days > limits.MaxWorkingDays)
            throw new ExpressionLimitException($"{function}({days}) räknar fler arbetsdagar än gränsen {limits.MaxWorkingDays} (MaxWorkingDays)");
    }

    /// <summary>The same time of day, <paramref name="days"/> working days from today (in the engine's zone).</summary>
    public DateTimeOffset workingDays(int days) => AddWorkingDays(days);

    /// <summary><paramref name="days"/> working days from now, at the same local time of day.</summary>
    protected DateTimeOffset AddWorkingDays(int days)
    {
        CheckWorkingDays(days, "workingDays");
        var local = TimeZoneInfo.ConvertTime(clock, zone);
        var date = Calendar.AddWorkingDays(DateOnly.FromDateTime(local.DateTime), days).ToDateTime(TimeOnly.FromDateTime(local.DateTime));
        return new DateTimeOffset(date, zone.GetUtcOffset(date));
    }

    public DateTimeOffset now() => Now;

    public DateOnly today() => Today;

    /// <summary>00:00 of <paramref name="date"/> in the engine's time zone.</summary>
    protected DateTimeOffset StartOfDay(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
