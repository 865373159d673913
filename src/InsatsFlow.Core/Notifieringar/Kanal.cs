namespace InsatsFlow.Core.Notifieringar;

public enum Kanal
{
    /// <summary>Sent by e-mail when SMTP is configured; otherwise written to the log.</summary>
    Epost,

    /// <summary>Only shown inside InsatsFlow; the dispatcher marks it delivered at once.</summary>
    Inkorg,
}
