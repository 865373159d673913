using System.Collections.Concurrent;
using InsatsFlow.Engine.Time;
using PublicHoliday;

namespace InsatsFlow.Core.Kalender;

/// <summary>
/// Swedish working days: Monday–Friday, minus public holidays (from PublicHoliday's SwedenPublicHoliday)
/// and midsommarafton, julafton and nyårsafton. Dates are local dates in Europe/Stockholm.
/// Register it as the engine's <see cref="IBusinessCalendar"/> so timers and due dates count the same days.
/// </summary>
public sealed class SvenskaArbetsdagar : IBusinessCalendar
{
    public static TimeZoneInfo Stockholm { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private readonly SwedenPublicHoliday _kalla = new();
    private readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, Helgdag>> _perAr = new();

    /// <summary>The year's holidays in date order, weekend ones included (midsommardagen is always a Saturday).</summary>
    public IReadOnlyList<Helgdag> Helgdagar(int ar) => HelgdagarFor(ar).Values.OrderBy(h => h.Datum).ToList();

    public bool ArHelgdag(DateOnly dag) => HelgdagarFor(dag.Year).ContainsKey(dag);

    public bool ArArbetsdag(DateOnly dag) =>
        dag.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !ArHelgdag(dag);

    bool IBusinessCalendar.IsWorkingDay(DateOnly date) => ArArbetsdag(date);

    /// <summary>
    /// The n:th working day after <paramref name="start"/> (start itself is not counted, so one working day
    /// from a Friday is the Monday). n = 0 gives start unchanged.
    /// </summary>
    public DateOnly LaggTillArbetsdagar(DateOnly start, int n)
    {
        KravIckeNegativ(n);
        var dag = start;
        for (var kvar = n; kvar > 0;)
        {
            dag = dag.AddDays(1);
            if (ArArbetsdag(dag)) kvar--;
        }
        return dag;
    }

    /// <summary>
    /// Adds n working days counted on the Stockholm calendar and keeps the Stockholm time of day, so a
    /// deadline at 09:00 stays at 09:00 across a change to or from summer time. The result is in UTC.
    /// </summary>
    public DateTimeOffset LaggTillArbetsdagar(DateTimeOffset start, int n)
    {
        KravIckeNegativ(n);
        var lokal = TimeZoneInfo.ConvertTime(start, Stockholm).DateTime;
        var dag = LaggTillArbetsdagar(DateOnly.FromDateTime(lokal), n);
        return TillUtc(dag.ToDateTime(TimeOnly.FromDateTime(lokal)));
    }

    /// <summary>Working days in the half-open range (fran, till]: the count LaggTillArbetsdagar(fran, n) inverts.</summary>
    public int RaknaArbetsdagar(DateOnly fran, DateOnly till)
    {
        if (till < fran)
            throw new ArgumentException($"Slutdatumet {till:yyyy-MM-dd} ligger före startdatumet {fran:yyyy-MM-dd}.", nameof(till));
        var antal = 0;
        for (var dag = fran.AddDays(1); dag <= till; dag = dag.AddDays(1))
            if (ArArbetsdag(dag)) antal++;
        return antal;
    }

    /// <summary>Stockholm wall-clock time to UTC. A time in the spring gap moves forward by the gap;
    /// an ambiguous autumn time takes the first (summer-time) occurrence.</summary>
    public static DateTimeOffset TillUtc(DateTime lokal) => TillUtc(lokal, Stockholm);

    /// <summary>Wall-clock time in <paramref name="zon"/> to UTC, with the same gap and overlap rules.</summary>
    public static DateTimeOffset TillUtc(DateTime lokal, TimeZoneInfo zon)
    {
        lokal = DateTime.SpecifyKind(lokal, DateTimeKind.Unspecified);
        if (zon.IsInvalidTime(lokal))
            lokal = lokal.AddHours(1);
        var offset = zon.IsAmbiguousTime(lokal)
            ? zon.GetAmbiguousTimeOffsets(lokal).Max()
            : zon.GetUtcOffset(lokal);
        return new DateTimeOffset(lokal, offset).ToUniversalTime();
    }

    /// <summary>About forty years: a larger count is a typing error, and counting it would hold up the caller.</summary>
    public const int MaxArbetsdagar = 10_000;

    internal static void KravIckeNegativ(int n)
    {
        if (n < 0)
            throw new ArgumentOutOfRangeException(nameof(n), n,
                $"Antalet arbetsdagar kan inte vara negativt ({n}). En tidsfrist räknas bara framåt.");
        if (n > MaxArbetsdagar)
            throw new ArgumentOutOfRangeException(nameof(n), n,
                $"Antalet arbetsdagar ({n}) är orimligt stort; högst {MaxArbetsdagar}.");
    }

    private IReadOnlyDictionary<DateOnly, Helgdag> HelgdagarFor(int ar) => _perAr.GetOrAdd(ar, BeraknaAr);

    private Dictionary<DateOnly, Helgdag> BeraknaAr(int ar)
    {
        var lista = new (DateTime Datum, string Namn, bool DeFacto)[]
        {
            (SwedenPublicHoliday.NewYear(ar), "Nyårsdagen", false),
            (SwedenPublicHoliday.Epiphany(ar), "Trettondedag jul", false),
            (SwedenPublicHoliday.GoodFriday(ar), "Långfredagen", false),
            (SwedenPublicHoliday.Easter(ar), "Påskdagen", false),
            (SwedenPublicHoliday.EasterMonday(ar), "Annandag påsk", false),
            (SwedenPublicHoliday.LabourDay(ar), "Första maj", false),
            (SwedenPublicHoliday.Ascension(ar), "Kristi himmelsfärdsdag", false),
            (SwedenPublicHoliday.WhitSunday(ar), "Pingstdagen", false),
            (SwedenPublicHoliday.NationalDay(ar), "Sveriges nationaldag", false),
            (SwedenPublicHoliday.MidsummerEve(ar), "Midsommarafton", true),
            (SwedenPublicHoliday.MidsummerDay(ar), "Midsommardagen", false),
            (SwedenPublicHoliday.AllSaintsDay(ar), "Alla helgons dag", false),
            (SwedenPublicHoliday.ChristmasEve(ar), "Julafton", true),
            (SwedenPublicHoliday.Christmas(ar), "Juldagen", false),
            (SwedenPublicHoliday.BoxingDay(ar), "Annandag jul", false),
            (SwedenPublicHoliday.NewYearsEve(ar), "Nyårsafton", true),
        };
        var dagar = lista.ToDictionary(h => DateOnly.FromDateTime(h.Datum), h => new Helgdag(DateOnly.FromDateTime(h.Datum), h.Namn, h.DeFacto));
        // Anything else the source knows for the year (for example a holiday added by a later law) counts too.
        foreach (var datum in _kalla.PublicHolidays(ar))
            dagar.TryAdd(DateOnly.FromDateTime(datum), new Helgdag(DateOnly.FromDateTime(datum), "Helgdag", false));
        return dagar;
    }
}
