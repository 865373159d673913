using Quartz;

namespace InsatsFlow.Data.Schemalaggning;

/// <summary>Fires the default escalation chain's due steps; one run at a time.</summary>
[DisallowConcurrentExecution]
public sealed class FristbevakningJobb(Fristbevakare bevakare) : IJob
{
    public static readonly JobKey Nyckel = new("fristbevakning", "insatsflow");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await bevakare.KorAsync(cancellationToken);
}
