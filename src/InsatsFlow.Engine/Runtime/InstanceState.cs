using System.Text.Json;
using System.Text.Json.Serialization;
using InsatsFlow.Engine.Expressions;

namespace InsatsFlow.Engine.Runtime;

/// <summary>An instance's tokens and variables, stored as one JSON document on the instance row.</summary>
public sealed class InstanceState
{
    public List<Token> Tokens { get; set; } = [];

    [JsonConverter(typeof(VariablesJsonConverter))]
    public Dictionary<string, object?> Variables { get; set; } = [];

    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        Converters = { new JsonStringEnumConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static InstanceState FromJson(string json) =>
        string.IsNullOrWhiteSpace(json) || json == "{}" ? new InstanceState() : JsonSerializer.Deserialize<InstanceState>(json, Options) ?? new InstanceState();
}

internal sealed class VariablesJsonConverter : JsonConverter<Dictionary<string, object?>>
{
    public override Dictionary<string, object?>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        return VariableValues.DictionaryFromJson(doc.RootElement.GetRawText());
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, object?> value, JsonSerializerOptions options) =>
        VariableValues.Write(writer, value);
}

internal sealed class ListJsonConverter : JsonConverter<List<object?>>
{
    public override List<object?>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        return VariableValues.FromJson(doc.RootElement.GetRawText()) as List<object?> ?? [];
    }

    public override void Write(Utf8JsonWriter writer, List<object?> value, JsonSerializerOptions options) =>
        VariableValues.Write(writer, value);
}
