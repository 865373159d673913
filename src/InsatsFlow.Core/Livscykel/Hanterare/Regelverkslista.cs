using InsatsFlow.Engine;

namespace InsatsFlow.Core.Livscykel.Hanterare;

internal static class Regelverkslista
{
    private static readonly HashSet<string> Kanda =
    [
        "ansokan-komplett", "stodberattigande-kostnader", "berorda-parter", "malgrupp", "beviljat-belopp", "jav-och-beslutforhet",
        "implementeringsbeslut", "budgetbeslut", "balanskrav", "medlemsandelar", "arsredovisning",
    ];

    /// <summary>The property "regelverk": a comma-separated list of regelverk whose inputs the step builds.</summary>
    public static IReadOnlyList<string> Las(ServiceTaskContext context)
    {
        var lista = (context.Properties.GetValueOrDefault("regelverk") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var okand = lista.FirstOrDefault(r => !Kanda.Contains(r));
        if (okand is not null)
            throw new InvalidOperationException($"{context.ElementId}: regelverket \"{okand}\" i egenskapen regelverk har inget underlag; kända är {string.Join(", ", Kanda.Order())}.");
        return lista;
    }
}
