using InsatsFlow.Core.Data;
using InsatsFlow.Core.Domain;
using InsatsFlow.Engine;

namespace InsatsFlow.Core.Livscykel.Hanterare;

/// <summary>fas: sets Insats.Fas to the property "fas", so the domain phase follows where the instance stands, and records when.</summary>
public sealed class FasHandler(IDomanData data) : IServiceTaskHandler
{
    public string Name => "fas";

    public async Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var namn = context.Properties.GetValueOrDefault("fas");
        if (!Enum.TryParse<InsatsFas>(namn, ignoreCase: false, out var fas) || !Enum.IsDefined(fas))
            throw new InvalidOperationException($"{context.ElementId}: egenskapen fas = \"{namn}\" är ingen fas; giltiga är {string.Join(", ", Enum.GetNames<InsatsFas>())}.");
        var insats = await Lasning.InsatsAsync(data, context.Variables, cancellationToken);
        insats.BytFas(fas, context.Now);
        return new Dictionary<string, object?> { ["fas"] = fas.ToString() };
    }
}
