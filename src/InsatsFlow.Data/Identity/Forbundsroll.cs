namespace InsatsFlow.Data.Identity;

/// <summary>
/// A user's role in one förbund: a user belongs to the förbund where they have a role, and has there only the roles
/// listed for it. The sign-in cookie carries the roles of the active förbund.
/// </summary>
public sealed class Forbundsroll
{
    public required string AnvandareId { get; init; }
    public Guid ForbundId { get; init; }
    public required string Roll { get; init; }
}
