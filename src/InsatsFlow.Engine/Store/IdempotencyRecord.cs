namespace InsatsFlow.Engine.Store;

/// <summary>
/// The first result of a command under an idempotency key, as the IETF Idempotency-Key draft describes it: the key is
/// scoped to (tenant, user, command, target) and the record holds a hash of the arguments. The same key with the same arguments
/// returns this result; with other arguments it is refused. Purged after <see cref="ExpiresAt"/>.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>SHA-256 of (tenant, user, command, target, key): the scope in which the key is unique.</summary>
    public required string Id { get; set; }
    public required string Key { get; set; }
    public string? UserId { get; set; }
    public required string Command { get; set; }
    public string? Target { get; set; }
    public required string ArgumentsHash { get; set; }
    public required string ResultJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
