using System.Text.Json;

namespace InsatsFlow.Core.Formular;

/// <summary>
/// The forms in forms/*.json, loaded all or nothing: a file that does not parse, names an unknown field type
/// or repeats a formKey stops the load with the file and the problem named.
/// </summary>
public sealed class Formularkatalog
{
    private readonly Dictionary<string, Formulardefinition> formular;

    private Formularkatalog(Dictionary<string, Formulardefinition> formular) => this.formular = formular;

    public IReadOnlyCollection<Formulardefinition> Alla => formular.Values;

    public Formulardefinition? Hitta(string? formKey) => formKey is not null && formular.TryGetValue(formKey, out var f) ? f : null;

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
            if (f.Typ is Falttyper.Val or Falttyper.Flerval && (f.Alternativ is null || f.Alternativ.Count == 0))
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
