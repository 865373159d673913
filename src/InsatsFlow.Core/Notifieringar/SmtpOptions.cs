using MailKit.Security;

namespace InsatsFlow.Core.Notifieringar;

/// <summary>Configuration section "Smtp". Without a Host, notifications are written to the log instead.</summary>
public sealed class SmtpOptions
{
    public const string Sektion = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public SecureSocketOptions Sakerhet { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;
    public string? Anvandarnamn { get; set; }
    public string? Losenord { get; set; }
    public string FranAdress { get; set; } = "insatsflow@localhost";
    public string FranNamn { get; set; } = "InsatsFlow";
    public TimeSpan Tidsgrans { get; set; } = TimeSpan.FromSeconds(30);

    public bool ArKonfigurerad => !string.IsNullOrWhiteSpace(Host);
}
