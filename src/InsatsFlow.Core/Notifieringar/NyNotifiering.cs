namespace InsatsFlow.Core.Notifieringar;

/// <summary>What a service handler or an escalation asks the outbox to send.</summary>
/// <param name="Forfaller">Not before this time; null means as soon as possible.</param>
/// <param name="Dedupliceringsnyckel">For example "eskalering:{taskId}:2"; a second request with the same key is ignored.</param>
/// <param name="ForbundId">The förbund whose people a group or role means; null: the förbund of <paramref name="ProcessInstansId"/>'s
/// instance (the outbox looks it up), else none.</param>
public sealed record NyNotifiering(
    Mottagare Mottagare,
    Kanal Kanal,
    string Amne,
    string Innehall,
    DateTimeOffset? Forfaller = null,
    string? Dedupliceringsnyckel = null,
    string? ProcessInstansId = null,
    bool InnehallArHtml = false,
    Guid? ForbundId = null)
{
    public const int MaxAmne = 300;

    /// <summary>Throws with the field named when the request cannot become a notification.</summary>
    public void Validera()
    {
        if (string.IsNullOrWhiteSpace(Mottagare?.Id))
            throw new ArgumentException("Notifieringen saknar mottagare (fältet Mottagare).", nameof(Mottagare));
        if (string.IsNullOrWhiteSpace(Amne))
            throw new ArgumentException("Notifieringen saknar ämne (fältet Amne).", nameof(Amne));
        if (Amne.Length > MaxAmne)
            throw new ArgumentException($"Notifieringens ämne är {Amne.Length} tecken; högst {MaxAmne} (fältet Amne).", nameof(Amne));
        if (string.IsNullOrWhiteSpace(Innehall))
            throw new ArgumentException("Notifieringen saknar innehåll (fältet Innehall).", nameof(Innehall));
        if (Dedupliceringsnyckel is { Length: > 200 })
            throw new ArgumentException("Dedupliceringsnyckeln får vara högst 200 tecken (fältet Dedupliceringsnyckel).", nameof(Dedupliceringsnyckel));
    }
}
