using System.Text.Json;

namespace InsatsFlow.Rules.Tests.TestSupport;

public static class JsonInput
{
    public static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
