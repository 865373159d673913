namespace InsatsFlow.Rules.Evaluation;

/// <summary>No loaded version answers the request: unknown regelverk, unknown version, or none in force on the date.</summary>
public sealed class RegelverkSaknasException(string message) : Exception(message);
