namespace InsatsFlow.Core.Domain;

/// <summary>
/// A förbund's own value of a rule parameter that its förbundsordning sets (the rule file lists them under
/// <c>forbundsparametrar</c>, for example beslutförhet). Without a row the rule file's value holds.
/// </summary>
public sealed class Forbundsparameter
{
    public Guid ForbundId { get; init; }
    public required string Regelverk { get; init; }
    public required string Namn { get; init; }
    public decimal Varde { get; set; }
    public DateTime AndradUtc { get; set; }
    public required string AndradAv { get; set; }
}

/// <summary>
/// One change the kansli or the installation's admin made to a förbund itself (its parameters, its creation): who, when,
/// what. Append-only, kept with the förbund and exported with it.
/// </summary>
public sealed class Forbundshandelse
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ForbundId { get; init; }
    public DateTime TidUtc { get; init; }
    public required string Anvandare { get; init; }
    /// <summary>What happened, as a short key: "forbund.skapat", "parameter.satt", "parameter.aterstalld".</summary>
    public required string Handelse { get; init; }
    public required string Beskrivning { get; init; }
}
