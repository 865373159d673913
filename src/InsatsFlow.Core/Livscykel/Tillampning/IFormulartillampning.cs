using InsatsFlow.Core.Domain;
using InsatsFlow.Engine.Store;

namespace InsatsFlow.Core.Livscykel.Tillampning;

/// <summary>
/// Writes what a completed form says into the domain (sections, budget lines, a meeting, a report…), in the
/// caller's unit of work; returns the problems it found instead, changing nothing. May add variables for the process.
/// </summary>
public interface IFormulartillampning
{
    string FormKey { get; }

    Task<IReadOnlyList<Valideringsfel>> TillampaAsync(Ifylltformular formular, CancellationToken cancellationToken);
}

/// <param name="Uppgift">The task being completed.</param>
/// <param name="Processvariabler">The instance's variables as the task sees them (with its multi-instance locals, e.g. medlem).</param>
/// <param name="Varden">The validated form values; what the process receives as variables (a tillämpning may add to them).</param>
public sealed record Ifylltformular(
    TaskItem Uppgift,
    string Anvandare,
    IReadOnlyDictionary<string, object?> Processvariabler,
    Dictionary<string, object?> Varden,
    DateTimeOffset Nu)
{
    /// <summary>Why the kansli completes a member's step on its behalf, or null when the member's own representative does.</summary>
    public string? Ombudsskal { get; init; }
}
