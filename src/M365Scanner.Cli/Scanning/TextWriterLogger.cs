using Microsoft.Extensions.Logging;

namespace M365Scanner.Cli.Scanning;

/// <summary>An <see cref="ILogger"/> that writes warnings and errors as one line each ("warning: ...") to a writer:
/// how the offline scan reports a lost document worker on stderr, beside its own diagnostics.</summary>
internal sealed class TextWriterLogger(TextWriter writer) : ILogger
{
    private readonly Lock gate = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
            return;
        lock (gate)
            writer.WriteLine($"{(logLevel == LogLevel.Warning ? "warning" : "error")}: {formatter(state, exception)}");
    }
}
