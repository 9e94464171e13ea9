using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace M365Scanner.Host.Tests.TestSupport;

/// <summary>A logger provider that keeps every record, for tests that assert what (and how much) was logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogRecord> _records = new();

    public IReadOnlyList<LogRecord> Records => [.. _records];

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    public sealed record LogRecord(LogLevel Level, string Message, Exception? Exception);

    private sealed class Logger(CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._records.Enqueue(new LogRecord(logLevel, formatter(state, exception), exception));
    }
}
