using InsatsFlow.Core.Kalender;

namespace InsatsFlow.Core.Schemalaggning;

/// <summary>
/// The default escalation chain of one due date, counted in Swedish working days in Stockholm time: the time of
/// day of the due date is kept, so a change to or from summer time moves no step.
/// </summary>
public sealed class Fristkedja(SvenskaArbetsdagar arbetsdagar, FristpolicyOptions policy)
{
    public IReadOnlyList<FriststegTid> Berakna(DateTimeOffset frist)
    {
        var lokal = TimeZoneInfo.ConvertTime(frist, SvenskaArbetsdagar.Stockholm).DateTime;
        var dag = DateOnly.FromDateTime(lokal);
        var klockslag = TimeOnly.FromDateTime(lokal);
        var fore = DraFranArbetsdagar(dag, policy.PaminnelseArbetsdagarFore);
        var efter = arbetsdagar.LaggTillArbetsdagar(dag, policy.EskaleringArbetsdagarEfter);
        return
        [
            new(Friststeg.PaminnelseFore, SvenskaArbetsdagar.TillUtc(fore.ToDateTime(klockslag))),
            new(Friststeg.PaminnelsePaFristen, frist.ToUniversalTime()),
            new(Friststeg.Eskalering, SvenskaArbetsdagar.TillUtc(efter.ToDateTime(klockslag))),
        ];
    }

    /// <summary>The n:th working day before <paramref name="dag"/> (n = 0 gives the day itself).</summary>
    public DateOnly DraFranArbetsdagar(DateOnly dag, int n)
    {
        if (n < 0)
            throw new ArgumentOutOfRangeException(nameof(n), n, $"Antalet arbetsdagar kan inte vara negativt ({n}).");
        for (var kvar = n; kvar > 0;)
        {
            dag = dag.AddDays(-1);
            if (arbetsdagar.ArArbetsdag(dag)) kvar--;
        }
        return dag;
    }

    /// <summary>The outbox key that makes a step happen once: per task, step and due date (a moved date starts a new chain).</summary>
    public static string Dedupliceringsnyckel(string uppgiftId, Friststeg steg, DateTimeOffset frist) =>
        $"frist:{uppgiftId}:{steg}:{frist.UtcTicks}";
}
