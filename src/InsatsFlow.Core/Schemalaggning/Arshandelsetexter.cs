namespace InsatsFlow.Core.Schemalaggning;

/// <summary>What the yearly calendar's notifications say (FINSAM 23–24 §§); <c>Data/Schemalaggning/Arshandelser</c> only queues them.</summary>
public static class Arshandelsetexter
{
    public sealed record Text(string Amne, string Innehall);

    public static Text Samrad(int budgetar) => new($"Samråd om budgeten för {budgetar}",
        $"Budgeten för {budgetar} ska tas fram i samråd med medlemmarna (FINSAM 23 §). Boka samråden nu; styrelsen ska anta budgeten senast 30 november.");

    public static Text BudgetEjAntagen(int budgetar, int ar) => new($"Budgeten för {budgetar} är inte antagen",
        $"Styrelsen har ännu inte antagit budgeten för {budgetar}. Den ska vara antagen senast 30 november {ar} (FINSAM 23 §).");

    public static Text Budgetbrott(int budgetar, int ar) => new($"Fristen bruten: budgeten för {budgetar} antogs inte senast 30 november",
        $"Budgeten för {budgetar} skulle ha antagits senast 30 november {ar} (FINSAM 23 §) och är fortfarande inte antagen. Avvikelsen ska redovisas för styrelsen och revisorerna.");

    public static Text Arsredovisning(int ar) => new($"Årsredovisningen för {ar - 1} senast 31 mars",
        $"Årsredovisningen för {ar - 1} ska vara upprättad av styrelsen senast 31 mars {ar} (FINSAM 24 §).");

    public static Text BudgetprocessStartad(int budgetar, string nyckel) => new($"Budgetprocessen för {budgetar} har startat",
        $"Budgetprocessen för {budgetar} ({nyckel}) har startats enligt årskalendern.");
}
