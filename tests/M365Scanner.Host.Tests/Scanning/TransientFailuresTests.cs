using System.Net.Sockets;
using M365Scanner.Host.Scanning;
using Microsoft.Data.Sqlite;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;

namespace M365Scanner.Host.Tests.Scanning;

public class TransientFailuresTests
{
    public static TheoryData<Exception> Transient() =>
    [
        new HttpRequestException("connection refused"),
        new SocketException((int)SocketError.ConnectionReset),
        new ODataError { ResponseStatusCode = 429 },
        new ODataError { ResponseStatusCode = 503 },
        new ODataError { ResponseStatusCode = 408 },
        new ServiceException("gateway timeout", null, 504),
        new TaskCanceledException("the request timed out", new TimeoutException()),
        new SqliteException("database is locked", 5),
        new InvalidOperationException("wrapped", new HttpRequestException("reset")),
    ];

    public static TheoryData<Exception> Lasting() =>
    [
        new InvalidOperationException("bad xref"),
        new FormatException("not a PDF"),
        new OutOfMemoryException(),
        new ODataError { ResponseStatusCode = 400 },
        new ODataError { ResponseStatusCode = 404 },
        new ServiceException("forbidden", null, 403),
        new SqliteException("malformed", 11),
        // A cancellation while the host is not stopping is not a shutdown: something in the scan gave up.
        new OperationCanceledException(),
    ];

    [Theory]
    [MemberData(nameof(Transient))]
    public void IsTransient_IsTrue_ForGraphNetworkAndBusyDatabaseFailures(Exception error) =>
        Assert.True(TransientFailures.IsTransient(error, CancellationToken.None));

    [Theory]
    [MemberData(nameof(Lasting))]
    public void IsTransient_IsFalse_ForFailuresARetryWouldMeetAgain(Exception error) =>
        Assert.False(TransientFailures.IsTransient(error, CancellationToken.None));

    [Fact]
    public void IsTransient_IsTrue_ForACancellation_WhenTheHostIsStopping()
    {
        using var stopping = new CancellationTokenSource();
        stopping.Cancel();

        Assert.True(TransientFailures.IsTransient(new OperationCanceledException(stopping.Token), stopping.Token));
        Assert.True(TransientFailures.IsTransient(new TaskCanceledException(), stopping.Token));
        Assert.False(TransientFailures.IsTransient(new InvalidOperationException("bad xref"), stopping.Token));
    }
}
