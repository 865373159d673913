using System.Text.Json;
using InsatsFlow.Rules.Input;

namespace InsatsFlow.Rules.Views;

/// <summary>One field a view offers: its name, its shape in the indata language, and what it means (for jurists).</summary>
public sealed record InputViewField(string Name, InputShape Shape, string Description)
{
    /// <summary>Builds a field from its shape written in the indata language, for example <c>[{"ar": "heltal", "belopp": "tal"}]</c>.</summary>
    public static InputViewField Of(string name, string shapeJson, string description)
    {
        using var document = JsonDocument.Parse(shapeJson.StartsWith('[') || shapeJson.StartsWith('{') ? shapeJson : $"\"{shapeJson}\"");
        return new(name, InputShape.Parse(document.RootElement, name), description);
    }
}

/// <summary>A named view of the data the host holds; a rule file's indata names views and the fields it reads.</summary>
public sealed record InputView(string Name, string Description, IReadOnlyList<InputViewField> Fields)
{
    public InputViewField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}

/// <summary>
/// The views a host offers to rule files. The loader checks every indata parameter against them, so a rule that
/// names a view or field nobody builds is refused before it serves, naming what is missing.
/// </summary>
public sealed class InputViewCatalogue(IReadOnlyList<InputView> views)
{
    public IReadOnlyList<InputView> Views { get; } = views;

    public InputView? Find(string name) => Views.FirstOrDefault(v => v.Name == name);

    /// <summary>Null when the view <paramref name="name"/> offers everything <paramref name="wanted"/> reads; else (JSON path, problem).</summary>
    public (string Path, string Message)? Check(string name, InputShape wanted)
    {
        var path = "$.indata." + name;
        var view = Find(name);
        if (view is null)
            return (path, $"det finns ingen vy \"{name}\"; vyerna är {string.Join(", ", Views.Select(v => v.Name))} (se rules/README.md)");
        if (wanted is not ObjectShape obj)
            return (path, $"vyn \"{name}\" är ett objekt; ange de fält regeln läser, till exempel {{\"{view.Fields[0].Name}\": \"{view.Fields[0].Shape.Describe()}\"}}");
        foreach (var (fieldName, fieldShape) in obj.Fields)
        {
            var offered = view.Field(fieldName);
            if (offered is null)
                return ($"{path}.{fieldName}", $"vyn \"{name}\" har inget fält \"{fieldName}\"; fälten är {string.Join(", ", view.Fields.Select(f => f.Name))}");
            if (Covers(offered.Shape, fieldShape, $"{path}.{fieldName}", $"{name}.{fieldName}") is { } problem) return problem;
        }
        return null;
    }

    // Optionality is not compared: a view field that may be missing (datum?) can be read as required, and then a
    // missing value stops that gate with an input error naming the path, as before views existed.
    private static (string, string)? Covers(InputShape offered, InputShape wanted, string path, string display)
    {
        switch (offered, wanted)
        {
            case (ScalarShape o, ScalarShape w):
                return o.Describe().TrimEnd('?') == w.Describe().TrimEnd('?') ? null
                    : (path, $"{display} är {o.Describe()} i vyn, inte {w.Describe()}");
            case (ListShape o, ListShape w):
                return Covers(o.Item, w.Item, path + "[0]", display + "[]");
            case (ObjectShape o, ObjectShape w):
                foreach (var (fieldName, fieldShape) in w.Fields)
                {
                    var field = o.Fields.FirstOrDefault(f => f.Name == fieldName);
                    if (field.Shape is null)
                        return ($"{path}.{fieldName}", $"{display} har inget fält \"{fieldName}\"; fälten är {string.Join(", ", o.Fields.Select(f => f.Name))}");
                    if (Covers(field.Shape, fieldShape, $"{path}.{fieldName}", $"{display}.{fieldName}") is { } problem) return problem;
                }
                return null;
            default:
                return (path, $"{display} är {offered.Describe()} i vyn, inte {wanted.Describe()}");
        }
    }
}
