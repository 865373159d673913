using System.Globalization;
using InsatsFlow.Engine.Model;

namespace InsatsFlow.Engine.Time;

/// <summary>When a timer falls due, from timeDate / timeDuration / timeCycle (ISO 8601, or an expression).</summary>
public static class TimerSchedule
{
    /// <summary>A timer's first due time and, for a cycle, its period and repetitions (-1 = for ever).</summary>
    public sealed record Due(DateTimeOffset At, string? Period, int Repeats);

    public static string? CheckLiteral(TimerKind kind, string literal)
    {
        try { Compute(kind, literal, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc); return null; }
        catch (EngineException e) { return e.Message; }
    }

    /// <param name="value">The literal, or what the expression returned (text, date, time or duration).</param>
    public static Due Compute(TimerKind kind, object? value, DateTimeOffset now, TimeZoneInfo zone)
    {
        switch (value)
        {
            case DateTimeOffset at when kind != TimerKind.Cycle: return new Due(at, null, 0);
            case DateOnly date when kind != TimerKind.Cycle: return new Due(StartOfDay(date, zone), null, 0);
            case TimeSpan span when kind == TimerKind.Duration: return new Due(now + span, null, 0);
            case string text: break;
            default: throw new EngineException($"timervärdet {value ?? "null"} går inte att tolka som {Name(kind)}");
        }
        var s = ((string)value).Trim();
        switch (kind)
        {
            case TimerKind.Date:
                return new Due(ParseDate(s, zone) ?? throw new EngineException($"\"{s}\" är inte ett datum (ISO 8601, t.ex. 2026-12-01 eller 2026-12-01T09:00:00+01:00)"), null, 0);
            case TimerKind.Duration:
                if (IsoDuration.TryParse(s, out var d)) return new Due(d.AddTo(now), null, 0);
                if (ParseDate(s, zone) is { } date) return new Due(date, null, 0);
                throw new EngineException($"\"{s}\" är inte en varaktighet (ISO 8601, t.ex. P5D eller PT2H)");
            default:
                var parts = s.Split('/');
                if (parts.Length is < 2 or > 3 || !parts[0].StartsWith('R'))
                    throw new EngineException($"\"{s}\" är inte en cykel (ISO 8601, t.ex. R3/PT1H eller R/2026-01-01T00:00:00Z/P6M); cron stöds inte");
                var repeats = parts[0].Length == 1 ? -1 : int.TryParse(parts[0][1..], CultureInfo.InvariantCulture, out var r) && r > 0 ? r
                    : throw new EngineException($"\"{parts[0]}\" är inte ett antal upprepningar");
                var period = parts[^1];
                if (!IsoDuration.TryParse(period, out var p) || p.IsZero) throw new EngineException($"\"{period}\" är inte en varaktighet i cykeln {s}");
                var start = parts.Length == 3 ? ParseDate(parts[1], zone) ?? throw new EngineException($"\"{parts[1]}\" är inte en starttid i cykeln {s}") : p.AddTo(now);
                return new Due(start, period, repeats);
        }
    }

    /// <summary>The next firing of a cycle after <paramref name="previous"/>, or null when it is done.</summary>
    public static Due? Next(DateTimeOffset previous, string period, int repeats)
    {
        var left = repeats < 0 ? -1 : repeats - 1;
        if (left == 0) return null;
        IsoDuration.TryParse(period, out var p);
        return new Due(p.AddTo(previous), period, left);
    }

    /// <summary>
    /// The next firing of a cycle that fell due at <paramref name="previous"/> and fires (or is skipped) at
    /// <paramref name="now"/>, under <paramref name="policy"/>: on time, the schedule's next repetition; late by more
    /// than <paramref name="threshold"/>, the missed repetitions are counted as used and the next comes from now.
    /// </summary>
    public static Due? Next(DateTimeOffset previous, string period, int repeats, DateTimeOffset now, CycleMisfirePolicy policy, TimeSpan threshold)
    {
        var next = Next(previous, period, repeats);
        if (next is null || policy == CycleMisfirePolicy.IgnoreMisfirePolicy || !IsLate(previous, now, threshold) || next.At > now) return next;
        IsoDuration.TryParse(period, out var p);
        var at = next.At;
        var left = next.Repeats;
        while (at <= now)
        {
            if (left == 1) return null; // every repetition fell in the downtime
            if (left > 0) left--;
            at = p.AddTo(at);
        }
        return policy == CycleMisfirePolicy.FireOnceNow ? new Due(p.AddTo(now), period, left) : new Due(at, period, left);
    }

    /// <summary>A firing later than the threshold: a misfire, in Quartz's words.</summary>
    public static bool IsLate(DateTimeOffset dueAt, DateTimeOffset now, TimeSpan threshold) => now - dueAt > threshold;

    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static DateTimeOffset? ParseDate(string s, TimeZoneInfo zone)
    {
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return StartOfDay(date, zone);
        if (!s.Contains('T')) return null;
        var hasOffset = s.EndsWith('Z') || s.LastIndexOfAny(['+', '-']) > s.IndexOf('T');
        if (hasOffset && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)) return at;
        if (DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        return null;
    }

    private static string Name(TimerKind kind) => kind switch { TimerKind.Date => "datum", TimerKind.Duration => "varaktighet", _ => "cykel" };
}
