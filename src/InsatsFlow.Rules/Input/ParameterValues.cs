using System.Linq.Dynamic.Core;
using System.Text.Json;

namespace InsatsFlow.Rules.Input;

/// <summary>
/// Turns the envelope's <c>parametrar</c> (thresholds, lists of cost types, quorum fraction, tolerance) into one
/// typed object that the expressions read as <c>param</c>. Types follow the JSON: a whole number is an int, any other
/// number a decimal, a list holds one kind of value.
/// </summary>
public static class ParameterValues
{
    public const string Name = "param";

    /// <summary>
    /// The indata field with a förbund's own values of the file's <c>forbundsparametrar</c>: it is part of the input
    /// snapshot, so a stored evaluation is re-checked with the same values.
    /// </summary>
    public const string Forbundets = "forbundsparametrar";

    /// <summary>
    /// The file's parameters with the förbund's values laid over them: a copy of the same type (the compiled expressions
    /// are bound to it), a whole number kept whole where the file has one.
    /// </summary>
    public static object MedForbundets(object parametrar, IReadOnlyList<string> tillatna, JsonElement forbundets, string path)
    {
        if (forbundets.ValueKind != JsonValueKind.Object)
            throw new InputException(path, "ska vara ett objekt {parameter: tal}");
        var typ = parametrar.GetType();
        var kopia = Activator.CreateInstance(typ)!;
        foreach (var egenskap in typ.GetProperties().Where(p => p.CanWrite && p.GetIndexParameters().Length == 0)) egenskap.SetValue(kopia, egenskap.GetValue(parametrar));
        foreach (var varde in forbundets.EnumerateObject())
        {
            var egenskap = tillatna.Contains(varde.Name) ? typ.GetProperty(varde.Name) : null;
            if (egenskap is null)
                throw new InputException($"{path}.{varde.Name}", $"förbundet kan inte sätta den parametern; det kan bara {(tillatna.Count == 0 ? "inga" : string.Join(", ", tillatna))}");
            if (varde.Value.ValueKind != JsonValueKind.Number || !varde.Value.TryGetDecimal(out var tal))
                throw new InputException($"{path}.{varde.Name}", "ska vara ett tal");
            if (egenskap.PropertyType == typeof(int))
            {
                if (tal != decimal.Truncate(tal) || tal is > int.MaxValue or < int.MinValue) throw new InputException($"{path}.{varde.Name}", "ska vara ett heltal");
                egenskap.SetValue(kopia, (int)tal);
            }
            else egenskap.SetValue(kopia, tal);
        }
        return kopia;
    }

    public static object FromJson(JsonElement parametrar, string path)
    {
        if (parametrar.ValueKind != JsonValueKind.Object)
            throw new ShapeException(path, "parametrar ska vara ett objekt {namn: värde}");
        return Object(parametrar, path);
    }

    private static object Object(JsonElement element, string path)
    {
        var values = new List<(string Name, Type Type, object? Value)>();
        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = $"{path}.{property.Name}";
            if (!ObjectShape.IsIdentifier(property.Name))
                throw new ShapeException(propertyPath, "parameternamn ska vara ett ASCII-namn i camelCase (bokstäver och siffror)");
            var (type, value) = Value(property.Value, propertyPath);
            values.Add((property.Name, type, value));
        }
        if (values.Count == 0) throw new ShapeException(path, "ett objekt behöver minst ett värde");
        var dynamicType = DynamicClassFactory.CreateType(values.Select(v => new DynamicProperty(v.Name, v.Type)).ToList());
        var instance = Activator.CreateInstance(dynamicType)!;
        foreach (var v in values) dynamicType.GetProperty(v.Name)!.SetValue(instance, v.Value);
        return instance;
    }

    private static (Type Type, object? Value) Value(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String: return (typeof(string), element.GetString());
            case JsonValueKind.True or JsonValueKind.False: return (typeof(bool), element.GetBoolean());
            case JsonValueKind.Number when IsWhole(element) && element.TryGetInt32(out var i): return (typeof(int), i);
            case JsonValueKind.Number when element.TryGetDecimal(out var d): return (typeof(decimal), d);
            case JsonValueKind.Object: var o = Object(element, path); return (o.GetType(), o);
            case JsonValueKind.Array: return List(element, path);
            default: throw new ShapeException(path, $"värdet {element.GetRawText()} kan inte användas som parameter");
        }
    }

    private static (Type, object?) List(JsonElement element, string path)
    {
        var items = element.EnumerateArray().Select((e, i) => Value(e, $"{path}[{i}]")).ToList();
        if (items.Count == 0) throw new ShapeException(path, "en tom lista säger inte vilken typ värdena har; ange minst ett värde");
        var itemType = items[0].Type;
        // Whole and decimal numbers may be mixed in one list: then all are decimals.
        if (items.All(i => i.Type == typeof(int) || i.Type == typeof(decimal)) && items.Any(i => i.Type == typeof(decimal)))
        {
            itemType = typeof(decimal);
            items = items.Select(i => (typeof(decimal), (object?)System.Convert.ToDecimal(i.Value))).ToList();
        }
        if (items.Any(i => i.Type != itemType))
            throw new ShapeException(path, "alla värden i en lista ska vara av samma slag");
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
        foreach (var item in items) list.Add(item.Value);
        return (list.GetType(), list);
    }

    private static bool IsWhole(JsonElement number)
    {
        var raw = number.GetRawText();
        return !raw.Contains('.') && !raw.Contains('e') && !raw.Contains('E');
    }
}
