using System.Globalization;

namespace InsatsFlow.Web.Components.Shared;

/// <summary>Dates and amounts as Swedes read them; instants shown in Europe/Stockholm.</summary>
public static class Visning
{
    private static readonly CultureInfo Sv = CultureInfo.GetCultureInfo("sv-SE");
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static string Datum(DateOnly? datum) => datum?.ToString("yyyy-MM-dd", Sv) ?? "–";

    public static string Tid(DateTimeOffset? tid) =>
        tid is { } t ? TimeZoneInfo.ConvertTime(t, Stockholm).ToString("yyyy-MM-dd HH:mm", Sv) : "–";

    public static string Kronor(decimal belopp) => belopp.ToString("#,##0", Sv) + " kr";

    public static DateOnly Idag(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Stockholm).DateTime);
}
