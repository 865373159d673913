using System.Text;
using InsatsFlow.Rules.Views;

namespace InsatsFlow.Core.Regelprovning;

/// <summary>
/// The section of rules/README.md that lists the views and their fields, written from <see cref="Regelvyer"/> so
/// the jurists' guide cannot drift from what the gates build. `insatsflow rules views --write` rewrites it.
/// </summary>
public static class Vydokumentation
{
    public const string Borjan = "<!-- vyer: början. Genereras från koden med `dotnet run --project src/InsatsFlow.Cli -- rules views --write`; ändra inte för hand. -->";
    public const string Slut = "<!-- vyer: slut -->";

    public static string Avsnitt(InputViewCatalogue vyer)
    {
        var text = new StringBuilder();
        text.AppendLine(Borjan);
        text.AppendLine("## Vyer: vad reglerna kan läsa");
        text.AppendLine();
        text.AppendLine("Varje regelprövning i en process bygger sin indata ur vyerna nedan, med domänen som den ser ut när prövningen görs.");
        text.AppendLine("Ett regelverk anger i `indata` vilka vyer och fält det läser, till exempel");
        text.AppendLine("`\"indata\": { \"budget\": { \"budgetar\": \"heltal\", \"intakter\": \"tal\" } }`. Ett namn eller fält som ingen vy har");
        text.AppendLine("avvisas när filen läses in, med fil, JSON-sökväg och det som saknas. Ett nytt regelverk över de här fälten kräver");
        text.AppendLine("ingen ändring i programmet: lägg till regelfilen och en regelkontroll (businessRuleTask) i processen. Ett fält som");
        text.AppendLine("markeras med `?` kan saknas; läser regeln det utan `?` stoppas prövningen med ett indatafel som anger sökvägen.");
        text.AppendLine("Bara de fält regelverket läser sparas med prövningen.");
        foreach (var vy in vyer.Views)
        {
            text.AppendLine();
            text.AppendLine($"### `{vy.Name}`");
            text.AppendLine();
            text.AppendLine(vy.Description);
            text.AppendLine();
            text.AppendLine("| fält | typ | betydelse |");
            text.AppendLine("|---|---|---|");
            foreach (var falt in vy.Fields)
                text.AppendLine($"| `{falt.Name}` | `{falt.Shape.Describe()}` | {falt.Description} |");
        }
        text.AppendLine(Slut);
        return text.ToString().ReplaceLineEndings("\n");
    }

    /// <summary>The README with its view section replaced by <paramref name="avsnitt"/>; appended when the README has none.</summary>
    public static string Uppdatera(string readme, string avsnitt)
    {
        var borjan = readme.IndexOf(Borjan, StringComparison.Ordinal);
        var slut = readme.IndexOf(Slut, StringComparison.Ordinal);
        if (borjan < 0 || slut < borjan) return readme.TrimEnd('\n') + "\n\n" + avsnitt;
        var efter = slut + Slut.Length;
        if (efter < readme.Length && readme[efter] == '\n') efter++;
        return readme[..borjan] + avsnitt + readme[efter..];
    }

    /// <summary>The view section as it stands in <paramref name="readme"/>, or null when it has none.</summary>
    public static string? Nuvarande(string readme)
    {
        var borjan = readme.IndexOf(Borjan, StringComparison.Ordinal);
        var slut = readme.IndexOf(Slut, StringComparison.Ordinal);
        return borjan < 0 || slut < borjan ? null : readme[borjan..(slut + Slut.Length)] + "\n";
    }
}
