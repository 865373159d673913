using System.Globalization;
using System.Text.RegularExpressions;

namespace InsatsFlow.Engine.Time;

/// <summary>An ISO 8601 duration (P1Y2M3W4DT5H6M7S); years and months are calendar-aware.</summary>
public sealed partial record IsoDuration(int Years, int Months, int Days, TimeSpan Time)
{
    [GeneratedRegex(@"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$")]
    private static partial Regex Pattern();

    public static bool TryParse(string text, out IsoDuration duration)
    {
        duration = new IsoDuration(0, 0, 0, TimeSpan.Zero);
        var m = Pattern().Match(text.Trim().ToUpperInvariant());
        if (!m.Success || text.Trim().Length < 3 || text.Trim().EndsWith('T')) return false;
        int I(int g) => m.Groups[g].Success ? int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture) : 0;
        var seconds = m.Groups[7].Success ? double.Parse(m.Groups[7].Value.Replace(',', '.'), CultureInfo.InvariantCulture) : 0;
        duration = new IsoDuration(I(1), I(2), I(3) * 7 + I(4),
            TimeSpan.FromHours(I(5)) + TimeSpan.FromMinutes(I(6)) + TimeSpan.FromSeconds(seconds));
        return true;
    }

    public DateTimeOffset AddTo(DateTimeOffset from) => from.AddYears(Years).AddMonths(Months).AddDays(Days).Add(Time);

    public bool IsZero => Years == 0 && Months == 0 && Days == 0 && Time == TimeSpan.Zero;
}
