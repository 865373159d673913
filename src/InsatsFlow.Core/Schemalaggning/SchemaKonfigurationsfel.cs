namespace InsatsFlow.Core.Schemalaggning;

/// <summary>A scheduling setting that cannot be used; the message names the setting (its configuration path).</summary>
public sealed class SchemaKonfigurationsfel(string installning, string message)
    : Exception($"Inställningen {installning}: {message}")
{
    public string Installning { get; } = installning;
}
