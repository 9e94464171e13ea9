using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Common;
using Hangfire.Logging;
using Hangfire.States;
using Hangfire.Storage;
using Hangfire.Storage.SQLite;
using M365Scanner.Host.Jobs;

namespace M365Scanner.Host.Tests.Jobs;

/// <summary>
/// Hangfire on SQLite with the in-process wake-up: the storage's poll is set to ten minutes here, so a job can only be
/// fetched within the tests' deadlines if the commit that queued it woke the waiting workers. (The host kills of
/// HostCrashTests run through the same storage: a job acknowledged, then its process killed, is run once after the
/// restart.)
/// </summary>
public sealed class WakeOnEnqueueStorageTests : IDisposable
{
    private const string Queue = "scans";
    private readonly string _folder = Directory.CreateTempSubdirectory("m365scanner-wake-").FullName;
    private readonly WakeOnEnqueueStorage _storage;

    public WakeOnEnqueueStorageTests()
    {
        // Hangfire's logging is process-wide: a host another test started and has since disposed leaves its disposed
        // logger factory there, which the storage would log through.
        LogProvider.SetCurrentLogProvider(new SilentLogProvider());
        _storage = new WakeOnEnqueueStorage(new SQLiteStorage(Path.Combine(_folder, "hangfire.db"),
            new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromMinutes(10) }));
    }

    public static void Work(int n) => _ = n;

    [Fact]
    public async Task AWaitingWorker_IsWokenByACommittedEnqueue_LongBeforeItsPoll()
    {
        using var stop = new CancellationTokenSource();
        using var connection = _storage.GetConnection();
        var fetch = Task.Run(() => connection.FetchNextJob([Queue], stop.Token));
        await WaitUntilWaiting(fetch);

        var id = Enqueue(1);

        using var fetched = await fetch.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(id, fetched.JobId);
    }

    [Fact]
    public async Task ManyEnqueuesAndWakes_UnderFourWorkers_FetchEveryJobExactlyOnce()
    {
        const int jobs = 200;
        using var stop = new CancellationTokenSource();
        var fetched = new ConcurrentBag<string>();
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            using var connection = _storage.GetConnection();
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var job = connection.FetchNextJob([Queue], stop.Token);
                    fetched.Add(job.JobId);
                    job.RemoveFromQueue();
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
            }
        })).ToList();

        var enqueued = new ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, 2).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < jobs / 2; i++)
                enqueued.Add(Enqueue(t * jobs + i));
        })));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (fetched.Count < jobs && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        await stop.CancelAsync();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(jobs, enqueued.Distinct().Count());
        Assert.Equal(enqueued.Order(), fetched.Order());
    }

    [Fact]
    public async Task AWorkerStopped_WhileWaiting_EndsItsFetch_AndTakesNoJob()
    {
        using var stop = new CancellationTokenSource();
        using var connection = _storage.GetConnection();
        var fetch = Task.Run(() => connection.FetchNextJob([Queue], stop.Token));
        await WaitUntilWaiting(fetch);

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetch.WaitAsync(TimeSpan.FromSeconds(30)));
        var id = Enqueue(2);
        using var other = _storage.GetConnection();
        using var next = other.FetchNextJob([Queue], CancellationToken.None);
        Assert.Equal(id, next.JobId);
    }

    private string Enqueue(int n) =>
        new BackgroundJobClient(_storage).Create(Job.FromExpression(() => Work(n)), new EnqueuedState(Queue));

    /// <summary>The fetch has looked at the empty queue and is waiting: nothing returns it but a wake or its stop.</summary>
    private static async Task WaitUntilWaiting(Task fetch)
    {
        // A fetch that returned or failed at once would make the test's point moot; a blocked one is what it needs.
        // There is no observable "waiting" state, so this gives the fetch a moment to reach its wait and checks it
        // did not finish; a fetch not yet waiting when the job comes finds the job on its first look, which passes too.
        await Task.Delay(200);
        Assert.False(fetch.IsCompleted, "the fetch returned with an empty queue");
    }

    private sealed class SilentLogProvider : ILogProvider, ILog
    {
        public ILog GetLogger(string name) => this;
        public bool Log(LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
