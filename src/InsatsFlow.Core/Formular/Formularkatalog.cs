namespace InsatsFlow.Core.Formular;

/// <summary>
/// The forms in forms/*.json (form-js schemas, read by <see cref="Formularschema"/>), loaded all or nothing: a file
/// that does not parse, uses what the server cannot validate or repeats a form's id stops the load with the file and
/// the problem named. These are the shipped forms, each published as version 1 (<see cref="Formularversioner"/>).
/// </summary>
public sealed class Formularkatalog
{
    private readonly Dictionary<string, (Formulardefinition Definition, string Schema)> formular;
    private readonly Func<Alternativkalla, IReadOnlyList<Formularalternativ>>? alternativ;

    private Formularkatalog(Dictionary<string, (Formulardefinition, string)> formular, Func<Alternativkalla, IReadOnlyList<Formularalternativ>>? alternativ = null)
    {
        this.formular = formular;
        this.alternativ = alternativ;
    }

    public IReadOnlyCollection<Formulardefinition> Alla => formular.Values.Select(f => Med(f.Definition)).ToList();

    /// <summary>The form, with alternatives taken from a regelverk (<see cref="Formularfalt.AlternativFran"/>) filled in as they stand now.</summary>
    public Formulardefinition? Hitta(string? formKey) => formKey is not null && formular.TryGetValue(formKey, out var f) ? Med(f.Definition) : null;

    /// <summary>The form-js schema as the file holds it.</summary>
    public string? Schema(string? formKey) => formKey is not null && formular.TryGetValue(formKey, out var f) ? f.Schema : null;

    /// <summary>The same forms, reading <see cref="Formularfalt.AlternativFran"/> through <paramref name="hamta"/>.</summary>
    public Formularkatalog MedAlternativ(Func<Alternativkalla, IReadOnlyList<Formularalternativ>> hamta) => new(formular, hamta);

    /// <summary>A form of any version with its regelverk alternatives filled in as they stand now.</summary>
    public Formulardefinition Med(Formulardefinition f) =>
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
        var formular = new Dictionary<string, (Formulardefinition, string)>(StringComparer.Ordinal);
        if (!Directory.Exists(katalog))
            throw new FormularException([$"{katalog}: formulärkatalogen finns inte."]);
        foreach (var fil in Directory.EnumerateFiles(katalog, "*.json").Order())
        {
            var text = File.ReadAllText(fil);
            Formulardefinition definition;
            try
            {
                definition = Formularschema.Las(text, fil);
            }
            catch (FormularException e)
            {
                fel.AddRange(e.Fel);
                continue;
            }
            if (!formular.TryAdd(definition.FormKey, (definition, text))) fel.Add($"{fil}: formuläret \"{definition.FormKey}\" finns redan i en annan fil.");
        }
        if (fel.Count > 0) throw new FormularException(fel);
        return new(formular);
    }
}

public sealed class FormularException(IReadOnlyList<string> fel) : Exception("Formulären kunde inte läsas in:" + Environment.NewLine + string.Join(Environment.NewLine, fel))
{
    public IReadOnlyList<string> Fel { get; } = fel;
}
