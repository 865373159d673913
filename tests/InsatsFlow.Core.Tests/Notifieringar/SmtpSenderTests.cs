using InsatsFlow.Core.Notifieringar;
using MailKit.Security;
using MimeKit;

namespace InsatsFlow.Core.Tests.Notifieringar;

public sealed class SmtpSenderTests
{
    [Fact]
    public async Task Smtp_avsandaren_levererar_amne_mottagare_och_html_till_en_smtp_server()
    {
        await using var server = new ProvSmtpServer();
        var sender = new SmtpSender(new SmtpOptions
        {
            Host = "127.0.0.1", Port = server.Port, Sakerhet = SecureSocketOptions.None,
            FranAdress = "kansliet@sfnorraalvdalen.se", FranNamn = "Samordningsförbundet Norra Älvdalen",
        });
        var utskick = new Utskick(Guid.NewGuid(), Mottagare.Anvandare("ali"), [new Epostadress("Ali Hassan", "ali.hassan@forsakringskassan.se")],
            "Påminnelse: yttrande SFNA 2026/14", "<p>Yttrandet ska vara klart senast 20 november 2026.</p>", true);

        var status = await sender.SkickaAsync(utskick, CancellationToken.None);

        status.Should().Be(Notifieringsstatus.Skickad);
        var mottaget = await server.Mottaget;
        mottaget.Mottagare.Should().Equal("<ali.hassan@forsakringskassan.se>");
        var meddelande = await MimeMessage.LoadAsync(new MemoryStream(mottaget.Data));
        meddelande.Subject.Should().Be("Påminnelse: yttrande SFNA 2026/14");
        meddelande.From.Mailboxes.Single().Address.Should().Be("kansliet@sfnorraalvdalen.se");
        meddelande.HtmlBody.Should().Contain("senast 20 november 2026");
    }

    [Fact]
    public async Task Smtp_avsandaren_vagrar_en_mottagare_utan_adress()
    {
        var sender = new SmtpSender(new SmtpOptions { Host = "127.0.0.1" });
        var utskick = new Utskick(Guid.NewGuid(), Mottagare.Grupp("styrelse"), [], "Ämne", "Text", false);

        await FluentActions.Awaiting(() => sender.SkickaAsync(utskick, CancellationToken.None))
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("*gruppen styrelse har ingen e-postadress*");
    }
}
