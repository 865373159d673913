using InsatsFlow.Core.Notifieringar;

namespace InsatsFlow.Core.Tests.Notifieringar;

/// <summary>Records what it was asked to send; fails while <see cref="Fel"/> is set; can run code mid-send.</summary>
internal sealed class FalskSender : ISender
{
    public List<Utskick> Skickade { get; } = [];
    public Exception? Fel { get; set; }
    public Func<Utskick, Task>? UnderSkick { get; set; }

    public bool KraverAdress => true;

    public async Task<Notifieringsstatus> SkickaAsync(Utskick utskick, CancellationToken cancellationToken)
    {
        if (UnderSkick is not null) await UnderSkick(utskick);
        if (Fel is not null) throw Fel;
        Skickade.Add(utskick);
        return Notifieringsstatus.Skickad;
    }
}
