namespace InsatsFlow.Engine;

/// <summary>Something the engine refuses or cannot do; the message is for people (Swedish).</summary>
public class EngineException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Bad input: the command changed nothing.</summary>
public class EngineValidationException(string message, Exception? inner = null) : EngineException(message, inner);

/// <summary>Someone else changed the instance or task first; reload and try again.</summary>
public sealed class EngineConflictException(string message, Exception? inner = null) : EngineException(message, inner);

/// <summary>What was asked for does not exist.</summary>
public sealed class EngineNotFoundException(string message) : EngineException(message);

/// <summary>A BPMN error thrown by a service task handler; caught by an error boundary event with the same code.</summary>
public sealed class BpmnErrorException(string errorCode, string? message = null)
    : Exception(message ?? $"BPMN-fel {errorCode}")
{
    public string ErrorCode { get; } = errorCode;
}

/// <summary>An expression could not be compiled or evaluated; names the variables involved.</summary>
public sealed class ExpressionEvaluationException(string message, IReadOnlyList<string> variableNames, Exception? inner = null)
    : EngineException(message, inner)
{
    public IReadOnlyList<string> VariableNames { get; } = variableNames;
}
