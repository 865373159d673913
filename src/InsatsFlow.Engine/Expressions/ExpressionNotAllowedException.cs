namespace InsatsFlow.Engine.Expressions;

/// <summary>An expression reaches outside the sandbox: reflection, I/O, processes or an unregistered type.</summary>
public sealed class ExpressionNotAllowedException(string message) : Exception(message);
