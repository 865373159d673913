namespace InsatsFlow.Core.Schemalaggning;

/// <summary>The steps of the default escalation chain, in the order they fire.</summary>
public enum Friststeg
{
    /// <summary>Reminder to the assignee or candidate groups some working days before the due date.</summary>
    PaminnelseFore,

    /// <summary>Reminder on the due date.</summary>
    PaminnelsePaFristen,

    /// <summary>To the förbundschef, some working days after the due date.</summary>
    Eskalering,
}

/// <summary>When one step of a task's chain falls due.</summary>
public sealed record FriststegTid(Friststeg Steg, DateTimeOffset Tid);
