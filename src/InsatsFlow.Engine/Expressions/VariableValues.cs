using System.Collections;
using System.Globalization;
using System.Linq.Dynamic.Core;
using System.Text.Json;

namespace InsatsFlow.Engine.Expressions;

/// <summary>
/// Variables are JSON-like: string, long, decimal, bool, DateOnly, DateTimeOffset, lists and dictionaries.
/// Everything entering an instance passes <see cref="Normalize"/>, so the same value always has the same type.
/// </summary>
public static class VariableValues
{
    /// <summary>Converts <paramref name="value"/> to its JSON-like form or throws naming <paramref name="name"/>.</summary>
    public static object? Normalize(string name, object? value) => value switch
    {
        null => null,
        string or bool or long or decimal or DateOnly or DateTimeOffset => value,
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        sbyte sb => (long)sb,
        uint ui => (long)ui,
        ushort us => (long)us,
        ulong ul => (decimal)ul,
        double d when double.IsFinite(d) && Math.Abs(d) < 7.9e27 => (decimal)d,
        float f when float.IsFinite(f) => (decimal)f,
        DateTime dt => new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt),
        Guid g => g.ToString(),
        Enum e => e.ToString(),
        JsonElement j => FromJsonElement(name, j),
        IDictionary<string, object?> dict => dict.ToDictionary(p => CheckKey(name, p.Key), p => Normalize($"{name}.{p.Key}", p.Value)),
        IDictionary dict => dict.Keys.Cast<object>().ToDictionary(k => CheckKey(name, k as string ?? throw Wrong(name, k)), k => Normalize($"{name}.{k}", dict[k])),
        IEnumerable list => list.Cast<object?>().Select((v, i) => Normalize($"{name}[{i}]", v)).ToList(),
        _ => throw Wrong(name, value),
    };

    public static Dictionary<string, object?> NormalizeAll(IReadOnlyDictionary<string, object?>? values)
    {
        var result = new Dictionary<string, object?>();
        foreach (var (name, value) in values ?? new Dictionary<string, object?>())
        {
            if (!IsName(name))
                throw new EngineValidationException($"Variabelnamnet '{name}' är ogiltigt: bara bokstäver, siffror och _ och inte en siffra först.");
            result[name] = Normalize(name, value);
        }
        return result;
    }

    public static bool IsName(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    private static string CheckKey(string name, string key) =>
        key.StartsWith('$') ? throw new EngineValidationException($"Variabeln {name}: nyckeln '{key}' får inte börja med $.") : key;

    private static EngineValidationException Wrong(string name, object? value) =>
        new($"Variabeln {name} har typen {value?.GetType().Name} som inte kan lagras; tillåtet är text, tal, sant/falskt, datum, listor och ordlistor.");

    private static object? FromJsonElement(string name, JsonElement j) => j.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => j.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        // (object) keeps a whole number a long: without it the conditional's type is decimal and 2027 reads back as 2027.0.
        JsonValueKind.Number => j.TryGetInt64(out var l) && !j.GetRawText().Contains('.') ? (object)l : j.GetDecimal(),
        JsonValueKind.Array => j.EnumerateArray().Select((e, i) => FromJsonElement($"{name}[{i}]", e)).ToList(),
        JsonValueKind.Object => ReadTagged(j) ?? j.EnumerateObject().ToDictionary(p => CheckKey(name, p.Name), p => FromJsonElement($"{name}.{p.Name}", p.Value)),
        _ => throw Wrong(name, j),
    };

    private static object? ReadTagged(JsonElement j)
    {
        var list = j.EnumerateObject().ToList();
        if (list.Count != 1) return null;
        var p = list[0];
        return p.Name switch
        {
            "$date" => DateOnly.ParseExact(p.Value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            "$dateTime" => DateTimeOffset.Parse(p.Value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            _ => null,
        };
    }

    // ---- JSON (persisted state and canonical journal payloads) ----

    /// <summary>Writes a JSON-like value; dictionaries in key order so the text is canonical.</summary>
    public static void Write(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case long l: w.WriteNumberValue(l); break;
            case decimal d:
                var text = d.ToString(CultureInfo.InvariantCulture);
                w.WriteRawValue(text.Contains('.') ? text : text + ".0");
                break;
            case DateOnly date:
                w.WriteStartObject(); w.WriteString("$date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); w.WriteEndObject();
                break;
            case DateTimeOffset dto:
                w.WriteStartObject(); w.WriteString("$dateTime", dto.ToString("O", CultureInfo.InvariantCulture)); w.WriteEndObject();
                break;
            case IDictionary<string, object?> dict:
                w.WriteStartObject();
                foreach (var (k, v) in dict.OrderBy(p => p.Key, StringComparer.Ordinal)) { w.WritePropertyName(k); Write(w, v); }
                w.WriteEndObject();
                break;
            case IEnumerable list:
                w.WriteStartArray();
                foreach (var v in list) Write(w, v);
                w.WriteEndArray();
                break;
            default: Write(w, Normalize("?", value)); break;
        }
    }

    public static string ToJson(object? value)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream)) Write(w, value);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static object? FromJson(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return FromJsonElement("?", doc.RootElement);
    }

    public static Dictionary<string, object?> DictionaryFromJson(string? json) =>
        string.IsNullOrEmpty(json) ? [] : FromJson(json) as Dictionary<string, object?> ?? [];

    // ---- values as expressions see them ----

    /// <summary>
    /// Dictionaries become typed dynamic classes (so <c>resultat.passed</c> is a bool, not an object) and
    /// lists of one scalar type become typed lists (so <c>medlemmar.Contains("FK")</c> compares text).
    /// </summary>
    internal static object? ForExpression(object? value)
    {
        switch (value)
        {
            case IDictionary<string, object?> dict:
                var converted = dict.Where(p => IsName(p.Key)).Select(p => (p.Key, Value: ForExpression(p.Value))).ToList();
                var type = DynamicClassFactory.CreateType(
                    converted.Select(p => new DynamicProperty(p.Key, p.Value?.GetType() ?? typeof(object))).ToList(), false);
                var instance = (DynamicClass)Activator.CreateInstance(type)!;
                foreach (var (key, v) in converted) type.GetProperty(key)!.SetValue(instance, v);
                return instance;
            case IList list when value is not string:
                var items = list.Cast<object?>().Select(ForExpression).ToList();
                var itemType = items.Count > 0 && items.All(i => i is not null) && items.Select(i => i!.GetType()).Distinct().Count() == 1
                    ? items[0]!.GetType() : typeof(object);
                if (itemType == typeof(object) || itemType.IsSubclassOf(typeof(DynamicClass))) return items;
                var typed = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
                foreach (var i in items) typed.Add(i);
                return typed;
            default:
                return value;
        }
    }

    /// <summary>Converts a value an expression returned back to JSON-like form.</summary>
    internal static object? FromExpression(string name, object? value) => value switch
    {
        DynamicClass dc => dc.GetDynamicMemberNames().ToDictionary(n => n, n => FromExpression($"{name}.{n}", dc.GetDynamicPropertyValue(n))),
        IEnumerable list when value is not string and not IDictionary<string, object?> =>
            list.Cast<object?>().Select((v, i) => FromExpression($"{name}[{i}]", v)).ToList(),
        _ => Normalize(name, value),
    };
}
