namespace InsatsFlow.Core.Notifieringar;

public enum Notifieringsstatus
{
    /// <summary>Waiting to be sent (also after a failed attempt: see Forsok and SenasteFel).</summary>
    Koad,

    Skickad,

    /// <summary>No way to send it (no SMTP, no address): written to the log and left for the UI to show.</summary>
    Visad,

    /// <summary>Every attempt the job executor allows failed (InsatsFlow:Jobb:MaxAttempts); SenasteFel says why. The
    /// outbox job stays failed under Administration → Schemaläggning, where it can be run again.</summary>
    Misslyckad,
}
