namespace InsatsFlow.Engine.Time;

/// <summary>Which days count as working days; the host provides the Swedish one (public holidays excluded).</summary>
public interface IBusinessCalendar
{
    bool IsWorkingDay(DateOnly date);
}

/// <summary>The default: every day is a working day.</summary>
public sealed class AllDaysCalendar : IBusinessCalendar
{
    public bool IsWorkingDay(DateOnly date) => true;
}

public static class BusinessCalendarExtensions
{
    /// <summary>The date <paramref name="days"/> working days after <paramref name="from"/>.</summary>
    public static DateOnly AddWorkingDays(this IBusinessCalendar calendar, DateOnly from, int days)
    {
        var date = from;
        var step = days < 0 ? -1 : 1;
        for (var left = Math.Abs(days); left > 0;)
        {
            date = date.AddDays(step);
            if (calendar.IsWorkingDay(date)) left--;
        }
        return date;
    }
}
