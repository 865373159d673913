using System.Globalization;
using System.Linq.Dynamic.Core;
using System.Text.Json;

namespace InsatsFlow.Rules.Input;

/// <summary>
/// The shape of one input parameter as the envelope's <c>indata</c> describes it. The shape fixes the CLR types the
/// expressions see (so every expression can be compiled and sandbox-checked at load) and turns input JSON into
/// objects of those types. Scalars: "text", "heltal", "tal", "datum", "janej"; a trailing "?" allows null or absent.
/// A JSON array with one shape describes a list; a JSON object describes an object with those fields.
/// </summary>
public abstract class InputShape
{
    public abstract Type ClrType { get; }

    /// <summary>Converts <paramref name="value"/> (absent when null) or throws <see cref="InputException"/> naming the path.</summary>
    public abstract object? Convert(JsonElement? value, string path);

    /// <summary>A one-line description in the indata language, for `rules explain`.</summary>
    public abstract string Describe();

    public static InputShape Parse(JsonElement description, string path) => description.ValueKind switch
    {
        JsonValueKind.String => ScalarShape.FromDescription(description.GetString()!, path),
        JsonValueKind.Array => ListShape.FromDescription(description, path),
        JsonValueKind.Object => ObjectShape.FromDescription(description, path),
        _ => throw new ShapeException(path, "ska vara en typ (\"text\", \"heltal\", \"tal\", \"datum\", \"janej\"), en lista [typ] eller ett objekt {fält: typ}"),
    };
}

/// <summary>A malformed <c>indata</c> description in a rule file.</summary>
public sealed class ShapeException(string path, string message) : Exception(message)
{
    public string Path { get; } = path;
}

/// <summary>Input that does not fit the regelverk's <c>indata</c>.</summary>
public class InputException(string path, string message) : Exception($"{path}: {message}")
{
    public string Path { get; } = path;
}

/// <summary>A value the regelverk needs is absent or null: for a gate, a fact nobody has supplied yet, not a broken input.</summary>
public sealed class MissingInputException(string path, string message) : InputException(path, message);

public sealed class ScalarShape : InputShape
{
    // A process variable holding a DateTime serializes with a midnight time; a date is still a date.
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss"];
    private readonly string kind;
    private readonly bool optional;
    private readonly Type type;

    private ScalarShape(string kind, bool optional, Type type)
    {
        this.kind = kind;
        this.optional = optional;
        this.type = type;
    }

    public override Type ClrType => type;

    public static ScalarShape FromDescription(string text, string path)
    {
        var optional = text.EndsWith('?');
        var kind = optional ? text[..^1] : text;
        Type? type = kind switch
        {
            "text" => typeof(string),
            "heltal" => optional ? typeof(int?) : typeof(int),
            "tal" => optional ? typeof(decimal?) : typeof(decimal),
            "datum" => optional ? typeof(DateTime?) : typeof(DateTime),
            "janej" => optional ? typeof(bool?) : typeof(bool),
            _ => null,
        };
        return type is null
            ? throw new ShapeException(path, $"okänd typ \"{text}\"; tillåtna: text, heltal, tal, datum, janej (med ? om värdet får saknas)")
            : new ScalarShape(kind, optional, type);
    }

    public override string Describe() => optional ? kind + "?" : kind;

    /// <summary>"text", "heltal", "tal", "datum" or "janej".</summary>
    public string Kind => kind;

    public bool Optional => optional;

    public override object? Convert(JsonElement? value, string path)
    {
        if (value is null || value.Value.ValueKind == JsonValueKind.Null)
            return optional ? null : throw new MissingInputException(path, $"värde saknas ({kind})");
        var v = value.Value;
        return kind switch
        {
            "text" when v.ValueKind == JsonValueKind.String => v.GetString(),
            "heltal" when v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) => i,
            "tal" when v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d) => d,
            "janej" when v.ValueKind is JsonValueKind.True or JsonValueKind.False => v.GetBoolean(),
            "datum" when v.ValueKind == JsonValueKind.String
                && DateTime.TryParseExact(v.GetString(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.TimeOfDay == TimeSpan.Zero => date,
            _ => throw new InputException(path, $"ska vara {Expected()}, men är {v.GetRawText()}"),
        };
    }

    private string Expected() => kind switch
    {
        "text" => "en text",
        "heltal" => "ett heltal",
        "tal" => "ett tal",
        "janej" => "true eller false",
        _ => "ett datum ÅÅÅÅ-MM-DD",
    };
}

public sealed class ListShape : InputShape
{
    private readonly InputShape item;
    private readonly Type type;

    private ListShape(InputShape item)
    {
        this.item = item;
        type = typeof(List<>).MakeGenericType(item.ClrType);
    }

    public override Type ClrType => type;

    public InputShape Item => item;

    public static ListShape FromDescription(JsonElement description, string path)
    {
        if (description.GetArrayLength() != 1)
            throw new ShapeException(path, "en lista beskrivs med exakt en typ, till exempel [\"text\"] eller [{\"namn\": \"text\"}]");
        return new ListShape(InputShape.Parse(description[0], path + "[0]"));
    }

    public override string Describe() => "[" + item.Describe() + "]";

    public override object? Convert(JsonElement? value, string path)
    {
        // An absent list is an empty list: "no samråd recorded" is data, not a broken input.
        var list = (System.Collections.IList)Activator.CreateInstance(type)!;
        if (value is null || value.Value.ValueKind == JsonValueKind.Null) return list;
        if (value.Value.ValueKind != JsonValueKind.Array)
            throw new InputException(path, $"ska vara en lista, men är {value.Value.GetRawText()}");
        var index = 0;
        foreach (var element in value.Value.EnumerateArray())
            list.Add(item.Convert(element, $"{path}[{index++}]"));
        return list;
    }
}

public sealed class ObjectShape : InputShape
{
    private readonly IReadOnlyList<(string Name, InputShape Shape)> fields;
    private readonly Type type;
    private readonly System.Reflection.PropertyInfo[] properties;

    private ObjectShape(IReadOnlyList<(string Name, InputShape Shape)> fields)
    {
        this.fields = fields;
        // The same DynamicClass types RulesEngine builds from ExpandoObject input; fixed here so that absent or
        // null values do not change the types the compiled expressions expect.
        type = DynamicClassFactory.CreateType(fields.Select(f => new DynamicProperty(f.Name, f.Shape.ClrType)).ToList());
        properties = fields.Select(f => type.GetProperty(f.Name)!).ToArray();
    }

    public override Type ClrType => type;

    public IReadOnlyList<(string Name, InputShape Shape)> Fields => fields;

    public static ObjectShape FromDescription(JsonElement description, string path)
    {
        var fields = new List<(string, InputShape)>();
        foreach (var property in description.EnumerateObject())
        {
            if (!IsIdentifier(property.Name))
                throw new ShapeException($"{path}.{property.Name}", "fältnamn ska vara ett ASCII-namn i camelCase (bokstäver och siffror)");
            fields.Add((property.Name, InputShape.Parse(property.Value, $"{path}.{property.Name}")));
        }
        if (fields.Count == 0) throw new ShapeException(path, "ett objekt behöver minst ett fält");
        return new ObjectShape(fields);
    }

    internal static bool IsIdentifier(string name) =>
        name.Length > 0 && char.IsAsciiLetterLower(name[0]) && name.All(char.IsAsciiLetterOrDigit);

    public override string Describe() => "{ " + string.Join(", ", fields.Select(f => $"{f.Name}: {f.Shape.Describe()}")) + " }";

    public override object? Convert(JsonElement? value, string path)
    {
        if (value is null || value.Value.ValueKind == JsonValueKind.Null)
            throw new MissingInputException(path, "objektet saknas");
        if (value.Value.ValueKind != JsonValueKind.Object)
            throw new InputException(path, $"ska vara ett objekt, men är {value.Value.GetRawText()}");
        var instance = Activator.CreateInstance(type)!;
        for (var i = 0; i < fields.Count; i++)
        {
            // Fields the shape does not name are ignored: a newer version may need more input than an older one.
            JsonElement? fieldValue = value.Value.TryGetProperty(fields[i].Name, out var v) ? v : null;
            properties[i].SetValue(instance, fields[i].Shape.Convert(fieldValue, $"{path}.{fields[i].Name}"));
        }
        return instance;
    }
}
