// Every test here starts a whole host, and Hangfire keeps process-wide state (the current storage and configuration)
// that a host built by a parallel test can take over: a test's jobs then ran in another test's disposed host
// (ObjectDisposedException on IServiceProvider, then "Timed out waiting for the mailbox to be protected", about one
// full run in three before this). A deployment runs one host per process, so the tests run one host at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
