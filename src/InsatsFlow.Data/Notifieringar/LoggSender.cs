using InsatsFlow.Core.Notifieringar;
using Microsoft.Extensions.Logging;

namespace InsatsFlow.Data.Notifieringar;

/// <summary>Used when SMTP is not configured: the notification is written to the log and counts as shown.</summary>
public sealed class LoggSender(ILogger<LoggSender> logger) : ISender
{
    public bool KraverAdress => false;

    public Task<Notifieringsstatus> SkickaAsync(Utskick utskick, CancellationToken cancellationToken)
    {
        logger.LogInformation(
            "Notifiering {Id} till {Mottagare} ({Adresser}): {Amne}\n{Innehall}",
            utskick.NotifieringId, utskick.Mottagare, string.Join(", ", utskick.Till.Select(t => t.Adress)), utskick.Amne, utskick.Innehall);
        return Task.FromResult(Notifieringsstatus.Visad);
    }
}
