using System.Globalization;
using InsatsFlow.Engine.Jobs;
using InsatsFlow.Engine.Store;

namespace InsatsFlow.Core.Schemalaggning;

/// <summary>
/// The default escalation chain as jobs: a user task with a due date whose BPMN has no timer boundary events of its own
/// gets one job per step of <see cref="Fristkedja"/>, written in the command that created the task (or moved its due
/// date). The job executor runs each step when it falls due; a step of a task that is done, or whose due date moved
/// since, does nothing.
/// </summary>
public sealed class Fristplanerare(Fristkedja kedja, FristpolicyOptions policy) : ITaskJobPlanner
{
    public const string Jobbtyp = "friststeg";

    public IEnumerable<Job> Plan(TaskItem uppgift, bool harEgnaTimrar, DateTimeOffset nu)
    {
        if (!policy.Aktiv || harEgnaTimrar || uppgift.DueAt is not { } frist) yield break;
        foreach (var steg in kedja.Berakna(frist))
            yield return Job.Create(Jobbtyp, uppgift.Id, steg.Tid, nu, Fristkedja.Dedupliceringsnyckel(uppgift.Id, steg.Steg, frist), Data(steg.Steg, frist));
    }

    public static string Data(Friststeg steg, DateTimeOffset frist) => $"{steg}|{frist.UtcTicks.ToString(CultureInfo.InvariantCulture)}";

    public static (Friststeg Steg, DateTimeOffset Frist) Las(string data)
    {
        var delar = data.Split('|');
        return (Enum.Parse<Friststeg>(delar[0]), new DateTimeOffset(long.Parse(delar[1], CultureInfo.InvariantCulture), TimeSpan.Zero));
    }
}
