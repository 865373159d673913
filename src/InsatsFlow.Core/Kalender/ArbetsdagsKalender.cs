using Quartz;
using Quartz.Impl.Calendar;

namespace InsatsFlow.Core.Kalender;

/// <summary>
/// Quartz calendars from the same source as <see cref="SvenskaArbetsdagar"/>, for recurring jobs that must
/// only fire on Swedish working days (register with scheduler.AddCalendar and trigger.ModifiedByCalendar).
/// </summary>
public static class ArbetsdagsKalender
{
    public const string Namn = "svenska-arbetsdagar";

    /// <summary>
    /// Excludes weekends and every holiday of the years fromAr..tillAr (Quartz's HolidayCalendar holds dated
    /// days, so the range must cover the triggers' lifetime; rebuild it yearly).
    /// </summary>
    public static ICalendar Skapa(SvenskaArbetsdagar arbetsdagar, int fromAr, int tillAr)
    {
        if (tillAr < fromAr)
            throw new ArgumentException($"Årsintervallet {fromAr}–{tillAr} är tomt.", nameof(tillAr));
        var helger = new WeeklyCalendar { TimeZone = SvenskaArbetsdagar.Stockholm };
        var kalender = new HolidayCalendar(helger)
        {
            TimeZone = SvenskaArbetsdagar.Stockholm,
            Description = $"Svenska arbetsdagar {fromAr}–{tillAr}",
        };
        for (var ar = fromAr; ar <= tillAr; ar++)
            foreach (var helgdag in arbetsdagar.Helgdagar(ar))
                kalender.AddExcludedDay(helgdag.Datum);
        return kalender;
    }
}
