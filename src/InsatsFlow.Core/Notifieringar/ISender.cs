namespace InsatsFlow.Core.Notifieringar;

/// <summary>Delivers one message. Throwing means "not delivered": the row stays queued and is retried.</summary>
public interface ISender
{
    /// <summary>True when the sender can only deliver to an e-mail address (a recipient without one is shown instead).</summary>
    bool KraverAdress { get; }

    Task<Notifieringsstatus> SkickaAsync(Utskick utskick, CancellationToken cancellationToken);
}

/// <param name="Till">Resolved e-mail recipients; empty when the recipient has no address.</param>
public sealed record Utskick(Guid NotifieringId, Mottagare Mottagare, IReadOnlyList<Epostadress> Till, string Amne, string Innehall, bool InnehallArHtml);

public sealed record Epostadress(string Namn, string Adress);
