using System.Text.Json.Serialization;

namespace InsatsFlow.Core.Formular;

/// <summary>
/// A user task's form (camunda:formRef → a form-js schema, forms/&lt;key&gt;.json and its published versions): the fields a
/// person fills in, validated on the server and handed to the process as variables. Read from the schema by
/// <see cref="Formularschema"/>; the kansli changes a form in the form editor.
/// </summary>
public sealed record Formulardefinition(
    [property: JsonPropertyName("formKey")] string FormKey,
    [property: JsonPropertyName("rubrik")] string Rubrik,
    [property: JsonPropertyName("beskrivning")] string? Beskrivning,
    [property: JsonPropertyName("falt")] IReadOnlyList<Formularfalt> Falt);

/// <param name="Typ">text, flerradstext, heltal, belopp, datum, janej, val, flerval, tabell.</param>
/// <param name="Alternativ">For val/flerval: value → label.</param>
/// <param name="Kolumner">For tabell: the fields of each row.</param>
/// <param name="AlternativFran">For val/flerval: the alternatives come from a regelverk's parameters (the jurists' list), not the form.</param>
public sealed record Formularfalt(
    [property: JsonPropertyName("namn")] string Namn,
    [property: JsonPropertyName("etikett")] string Etikett,
    [property: JsonPropertyName("typ")] string Typ,
    [property: JsonPropertyName("obligatoriskt")] bool Obligatoriskt = false,
    [property: JsonPropertyName("hjalptext")] string? Hjalptext = null,
    [property: JsonPropertyName("min")] decimal? Min = null,
    [property: JsonPropertyName("max")] decimal? Max = null,
    [property: JsonPropertyName("alternativ")] IReadOnlyList<Formularalternativ>? Alternativ = null,
    [property: JsonPropertyName("kolumner")] IReadOnlyList<Formularfalt>? Kolumner = null,
    [property: JsonPropertyName("alternativFran")] Alternativkalla? AlternativFran = null)
{
    /// <summary>For text: the fewest characters (form-js validate.minLength).</summary>
    public int? MinLangd { get; init; }

    /// <summary>For text: a regular expression the whole value must match (form-js validate.pattern).</summary>
    public string? Monster { get; init; }
}

/// <summary>
/// A list parameter of the regelverk version in force today (<paramref name="Lista"/>, its values) and, optionally, an
/// object parameter of Swedish labels per value (<paramref name="Etiketter"/>): so a budget line's kostnadstyp is chosen
/// from the list the rule checks against, and a new list in a new rule version reaches the form without editing it.
/// </summary>
public sealed record Alternativkalla(
    [property: JsonPropertyName("regelverk")] string Regelverk,
    [property: JsonPropertyName("lista")] string Lista,
    [property: JsonPropertyName("etiketter")] string? Etiketter = null);

public sealed record Formularalternativ(
    [property: JsonPropertyName("varde")] string Varde,
    [property: JsonPropertyName("etikett")] string Etikett);

public static class Falttyper
{
    public const string Text = "text";
    public const string Flerradstext = "flerradstext";
    public const string Heltal = "heltal";
    public const string Belopp = "belopp";
    public const string Datum = "datum";
    public const string JaNej = "janej";
    public const string Val = "val";
    public const string Flerval = "flerval";
    public const string Tabell = "tabell";

    public static readonly IReadOnlySet<string> Alla = new HashSet<string> { Text, Flerradstext, Heltal, Belopp, Datum, JaNej, Val, Flerval, Tabell };
}
