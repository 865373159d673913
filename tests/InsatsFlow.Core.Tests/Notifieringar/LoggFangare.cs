using Microsoft.Extensions.Logging;

namespace InsatsFlow.Core.Tests.Notifieringar;

/// <summary>An ILogger that keeps what was written, for asserting on the log.</summary>
internal sealed class LoggFangare<T> : ILogger<T>
{
    public List<string> Rader { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Rader.Add($"{logLevel}: {formatter(state, exception)}");
}
