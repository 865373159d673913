using InsatsFlow.Core.Kalender;
using InsatsFlow.Engine.Time;

namespace InsatsFlow.Core.Livscykel;

/// <summary>The engine's working-day calendar on <see cref="SvenskaArbetsdagar"/> (weekends, public holidays, midsommar-, jul- and nyårsafton off).</summary>
public sealed class SvenskArbetsdagskalender(SvenskaArbetsdagar arbetsdagar) : IBusinessCalendar
{
    public bool IsWorkingDay(DateOnly date) => arbetsdagar.ArArbetsdag(date);
}
