using System.Text.Json;
using System.Text.Json.Serialization;

namespace InsatsFlow.Core.Handelser;

/// <summary>
/// Something that happened in a förbund, to be told to the systems that subscribe to its <see cref="Typ"/>. It is
/// written with the change it reports, in the same transaction, so it is never lost and never invented.
/// </summary>
public sealed record NyHandelse(string Typ, Guid ForbundId, DateTimeOffset Tidpunkt, IReadOnlyDictionary<string, object?> Data)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The body that is signed and sent, the same on every attempt: Standard Webhooks' payload shape
    /// (type, timestamp, data), with the event's id for a receiver that keeps the body rather than the headers.</summary>
    public string Kropp(Guid id) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = id,
        ["type"] = Typ,
        ["timestamp"] = Tidpunkt.ToUniversalTime(),
        ["data"] = new Dictionary<string, object?>(Data) { ["forbundId"] = ForbundId },
    }, Json);
}
