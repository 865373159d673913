using System.Text.Json;
using InsatsFlow.Rules.Loading;

namespace InsatsFlow.Rules.Format;

/// <summary>Strict reading of a JSON object: unknown or repeated fields are refused with their JSON path.</summary>
internal static class JsonFields
{
    public static Dictionary<string, JsonElement> Read(JsonElement element, string path, IReadOnlyCollection<string> allowed, string? refusedHint = null)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new RuleFileException(path, "ska vara ett JSON-objekt");
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = Combine(path, property.Name);
            if (!allowed.Contains(property.Name))
                throw new RuleFileException(propertyPath, $"okänt fält \"{property.Name}\"; tillåtna fält: {string.Join(", ", allowed)}{refusedHint}");
            if (!fields.TryAdd(property.Name, property.Value))
                throw new RuleFileException(propertyPath, $"fältet \"{property.Name}\" förekommer två gånger");
        }
        return fields;
    }

    public static string Combine(string path, string name) => $"{path}.{name}";

    public static string RequiredString(Dictionary<string, JsonElement> fields, string name, string path)
    {
        if (!fields.TryGetValue(name, out var value))
            throw new RuleFileException(path, $"fältet \"{name}\" saknas");
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            throw new RuleFileException(Combine(path, name), "ska vara en text som inte är tom");
        return value.GetString()!;
    }

    public static string? OptionalString(Dictionary<string, JsonElement> fields, string name, string path)
    {
        if (!fields.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String)
            throw new RuleFileException(Combine(path, name), "ska vara en text");
        return value.GetString();
    }
}
