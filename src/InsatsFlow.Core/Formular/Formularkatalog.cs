using System.Text.Json;

namespace InsatsFlow.Core.Formular;

/// <summary>
/// The forms in forms/*.json, loaded all or nothing: a file that does not parse, names an unknown field type
/// or repeats a formKey stops the load with the file and the problem named.
/// </summary>
public sealed class Formularkatalog
{
    private readonly Dictionary<string, Formulardefinition> formular;
    private readonly Func<Alternativkalla, IReadOnlyList<Formularalternativ>>? alternativ;

    private Formularkatalog(Dictionary<string, Formulardefinition> formular, Func<Alternativkalla, IReadOnlyList<Formularalternativ>>? alternativ = null)
    {
        this.formular = formular;
        this.alternativ = alternativ;
    }

    public IReadOnlyCollection<Formulardefinition> Alla => formular.Values.Select(Med).ToList();

    /// <summary>The form, with alternatives taken from a regelverk (<see cref="Formularfalt.AlternativFran"/>) filled in as they stand now.</summary>
    public Formulardefinition? Hitta(string? formKey) => formKey is not null && formular.TryGetValue(formKey, out var f) ? Med(f) : null;

    /// <summary>The same forms, reading <see cref="Formularfalt.AlternativFran"/> through <paramref name="hamta"/>.</summary>
    public Formularkatalog MedAlternativ(Func<Alternativkalla, IReadOnlyList<Formularalternativ>> hamta) => new(formular, hamta);

    private Formulardefinition Med(Formulardefinition f) =>
        alternativ is null || !f.Falt.Any(Hamtar) ? f : f with { Falt = [.. f.Falt.Select(Fyll)] };

    private static bool Hamtar(Formularfalt f) => f.AlternativFran is not null || (f.Kolumner?.Any(Hamtar) ?? false);

    private Formularfalt Fyll(Formularfalt f) => f with
    {
        Alternativ = f.AlternativFran is { } kalla ? alternativ!(kalla) : f.Alternativ,
        Kolumner = f.Kolumner is null ? null : [.. f.Kolumner.Select(Fyll)],
    };

    public static Formularkatalog LaddaFran(string katalog)
    {
        var fel = new List<string>();
        var formular = new Dictionary<string, Formulardefinition>(StringComparer.Ordinal);
        if (!Directory.Exists(katalog))
            throw new FormularException([$"{katalog}: formulärkatalogen finns inte."]);
        foreach (var fil in Directory.EnumerateFiles(katalog, "*.json").Order())
        {
            Formulardefinition? definition;
            try
            {
                definition = JsonSerializer.Deserialize<Formulardefinition>(File.ReadAllBytes(fil),
                    new JsonSerializerOptions { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow });
            }
            catch (JsonException e)
            {
                fel.Add($"{fil}: rad {(e.LineNumber ?? 0) + 1}, {e.Path}: {InsatsFlow.Engine.Parsing.JsonMessages.Forklaring(e.Message)}");
                continue;
            }
            if (definition is null || string.IsNullOrWhiteSpace(definition.FormKey)) { fel.Add($"{fil}: formKey saknas."); continue; }
            fel.AddRange(Granska(definition.Falt, "falt").Select(f => $"{fil}: {f}"));
            if (!formular.TryAdd(definition.FormKey, definition)) fel.Add($"{fil}: formKey \"{definition.FormKey}\" finns redan i en annan fil.");
        }
        if (fel.Count > 0) throw new FormularException(fel);
        return new(formular);
    }

    private static IEnumerable<string> Granska(IReadOnlyList<Formularfalt>? falt, string sokvag)
    {
        if (falt is null) { yield return $"{sokvag} saknas."; yield break; }
        for (var i = 0; i < falt.Count; i++)
        {
            var f = falt[i];
            if (string.IsNullOrWhiteSpace(f.Namn)) yield return $"{sokvag}[{i}].namn saknas.";
            if (!Falttyper.Alla.Contains(f.Typ)) yield return $"{sokvag}[{i}] ({f.Namn}): okänd typ \"{f.Typ}\"; tillåtna är {string.Join(", ", Falttyper.Alla)}.";
            if (f.Typ is Falttyper.Val or Falttyper.Flerval && (f.Alternativ is null || f.Alternativ.Count == 0) && f.AlternativFran is null)
                yield return $"{sokvag}[{i}] ({f.Namn}): ett valfält behöver alternativ.";
            if (f.Typ == Falttyper.Tabell)
                foreach (var problem in Granska(f.Kolumner, $"{sokvag}[{i}].kolumner")) yield return problem;
        }
        foreach (var dubbel in falt.GroupBy(f => f.Namn).Where(g => g.Count() > 1))
            yield return $"{sokvag}: fältet \"{dubbel.Key}\" finns flera gånger.";
    }
}

public sealed class FormularException(IReadOnlyList<string> fel) : Exception("Formulären kunde inte läsas in:" + Environment.NewLine + string.Join(Environment.NewLine, fel))
{
    public IReadOnlyList<string> Fel { get; } = fel;
}
