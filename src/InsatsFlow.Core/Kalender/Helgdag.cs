namespace InsatsFlow.Core.Kalender;

/// <summary>A day on which no deadline runs: a public holiday or a day Swedes treat as one.</summary>
/// <param name="DeFacto">True for midsommarafton, julafton and nyårsafton: not public holidays by law, but
/// offices are closed, so a deadline must not fall on them.</param>
public sealed record Helgdag(DateOnly Datum, string Namn, bool DeFacto);
