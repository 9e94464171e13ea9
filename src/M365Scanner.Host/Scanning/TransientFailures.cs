using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Kiota.Abstractions;

namespace M365Scanner.Host.Scanning;

/// <summary>
/// Which failures say nothing about the message being worked on: Graph throttling or unavailable, the network, a
/// busy database, the host shutting down. A retry may well succeed, so such a failure must not count towards giving
/// a message up as poison. Everything else (a parser's exception, a bug) would recur on every attempt.
/// </summary>
/// <remarks>Beside the Graph mailbox adapter (<c>Mailboxes/Graph/</c>), the other place in the host that knows the SDK's exception types
/// (Kiota's <see cref="ApiException"/>, the base of Graph's <c>ODataError</c> and <c>ServiceException</c>), so the
/// jobs can ask without knowing them.</remarks>
public static class TransientFailures
{
    /// <summary>True when <paramref name="error"/>, or an exception it wraps, is transient: an
    /// <see cref="HttpRequestException"/> or <see cref="SocketException"/>; a <see cref="MessageBusyException"/>; a Graph error with status 408, 429 or 5xx;
    /// an HTTP timeout; a database error its provider calls transient, or SQLite's busy or locked; or a cancellation
    /// while <paramref name="shutdown"/> is cancelled (the job's token: the host is stopping, or Hangfire aborted the
    /// run because its job was deleted or requeued).</summary>
    public static bool IsTransient(Exception error, CancellationToken shutdown)
    {
        ArgumentNullException.ThrowIfNull(error);
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case HttpRequestException or SocketException:
                // Another run of the message held its lease: this one may act once that one is done.
                case MessageBusyException:
                case ApiException api when IsRetryableStatus(api.ResponseStatusCode):
                case DbException { IsTransient: true }:
                // Microsoft.Data.Sqlite does not say which of its errors are transient: busy and locked are (another
                // process held the file past the busy timeout).
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }:
                // HttpClient reports its own timeout as a cancellation caused by a TimeoutException.
                case TaskCanceledException { InnerException: TimeoutException }:
                case OperationCanceledException when shutdown.IsCancellationRequested:
                    return true;
            }
        }
        return false;
    }

    private const int SqliteBusy = 5, SqliteLocked = 6;

    private static bool IsRetryableStatus(int status) => status is 408 or 429 or >= 500;
}
