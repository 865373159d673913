using System.Collections;
using System.Globalization;
using System.Reflection;
using RulesEngine.Models;

namespace InsatsFlow.Rules.Evaluation;

/// <summary>
/// Runs a rule's <c>detalj</c> expression (only when the rule failed) and writes what it lists as one line of Swedish
/// text: items joined with "; ", whole amounts with a space every three digits ("12 000"). The line is stored with the
/// evaluation, so it says what failed then, not what the data says now.
/// </summary>
internal static class Detalj
{
    private static readonly CultureInfo Svenska = CultureInfo.GetCultureInfo("sv-SE");

    public static string? Text(Delegate uttryck, RuleParameter[] parametrar)
    {
        string text;
        try
        {
            // Format enumerates the (lazy) result, so it runs inside the same guard as the expression.
            text = Format(uttryck.DynamicInvoke([.. parametrar.Select(p => p.Value)]));
        }
        catch (TargetInvocationException e)
        {
            return "detaljerna kunde inte tas fram: " + (e.InnerException ?? e).Message;
        }
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    private static string Format(object? varde) => varde switch
    {
        null => "",
        string s => s,
        decimal d => Belopp(d),
        double d => Belopp((decimal)d),
        int or long => Convert.ToInt64(varde, CultureInfo.InvariantCulture).ToString("#,0", Svenska),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "ja" : "nej",
        IEnumerable lista => string.Join("; ", lista.Cast<object?>().Select(Format).Where(t => t.Length > 0)),
        // an input object (a budget line, a medlem): its values in the order indata names them, "busskort 12 000"
        System.Linq.Dynamic.Core.DynamicClass objekt => string.Join(" ", objekt.GetType().GetProperties()
            .Where(p => p.GetIndexParameters().Length == 0).Select(p => Format(p.GetValue(objekt))).Where(t => t.Length > 0)),
        _ => Convert.ToString(varde, Svenska) ?? "",
    };

    private static string Belopp(decimal d) => (d == decimal.Truncate(d) ? d.ToString("#,0", Svenska) : d.ToString("#,0.##", Svenska)).Replace('\u00a0', ' ');
}
