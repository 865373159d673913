namespace InsatsFlow.Core.Schemalaggning;

/// <summary>The förbund's yearly calendar (FINSAM 23–24 §§, KL 11 kap.): each a cron trigger in Stockholm time.</summary>
public enum Arshandelse
{
    /// <summary>Starts next year's budgetprocess instance if there is none (e.g. 1 August).</summary>
    StartaBudgetprocess,

    /// <summary>Reminds the kansli to hold samråd with the medlemmar on next year's budget.</summary>
    Samradspaminnelse,

    /// <summary>Next year's budget is not adopted yet (e.g. 1, 15 and 25 November): escalates to the förbundschef and the styrelse.</summary>
    BudgetEjAntagen,

    /// <summary>1 December and next year's budget still not adopted: the 30 November rule is broken; flagged to styrelse and kansli.</summary>
    Budgetbrott,

    /// <summary>Reminds kansli and styrelse that last year's årsredovisning is due by 31 March.</summary>
    Arsredovisningspaminnelse,
}
