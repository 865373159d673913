namespace InsatsFlow.Web.Features.Tidsfrister;

/// <summary>
/// nyttDatum: "2026-12-01" (the due date's time of day is kept, or 09:00 if it had none) or an ISO time with offset;
/// skal: why the deadline moves (recorded in the journal).
/// </summary>
public sealed record FlyttaTidsfristBegaran(string? NyttDatum, string? Skal);

public sealed record FlyttadTidsfrist(string UppgiftId, DateTimeOffset? TidigareFrist, DateTimeOffset NyFrist, IReadOnlyList<FlyttadTimer> Timrar);

public sealed record FlyttadTimer(string Element, DateTimeOffset Tidigare, DateTimeOffset Ny);
