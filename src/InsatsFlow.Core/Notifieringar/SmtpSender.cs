using MailKit.Net.Smtp;
using MimeKit;

namespace InsatsFlow.Core.Notifieringar;

/// <summary>Sends through SMTP with MailKit, one connection per message (volumes are small).</summary>
public sealed class SmtpSender(SmtpOptions options) : ISender
{
    public bool KraverAdress => true;

    public async Task<Notifieringsstatus> SkickaAsync(Utskick utskick, CancellationToken cancellationToken)
    {
        if (utskick.Till.Count == 0)
            throw new InvalidOperationException($"Mottagaren {utskick.Mottagare} har ingen e-postadress.");

        var meddelande = new MimeMessage();
        meddelande.From.Add(new MailboxAddress(options.FranNamn, options.FranAdress));
        foreach (var till in utskick.Till)
            meddelande.To.Add(new MailboxAddress(till.Namn, till.Adress));
        meddelande.Subject = utskick.Amne;
        meddelande.MessageId = $"{utskick.NotifieringId:N}@insatsflow";
        var kropp = new BodyBuilder();
        if (utskick.InnehallArHtml) kropp.HtmlBody = utskick.Innehall;
        else kropp.TextBody = utskick.Innehall;
        meddelande.Body = kropp.ToMessageBody();

        using var klient = new SmtpClient { Timeout = (int)options.Tidsgrans.TotalMilliseconds };
        await klient.ConnectAsync(options.Host ?? throw new InvalidOperationException("SMTP är inte konfigurerat (Smtp:Host saknas)."), options.Port, options.Sakerhet, cancellationToken);
        if (!string.IsNullOrEmpty(options.Anvandarnamn))
            await klient.AuthenticateAsync(options.Anvandarnamn, options.Losenord ?? "", cancellationToken);
        await klient.SendAsync(meddelande, cancellationToken);
        await klient.DisconnectAsync(true, cancellationToken);
        return Notifieringsstatus.Skickad;
    }
}
