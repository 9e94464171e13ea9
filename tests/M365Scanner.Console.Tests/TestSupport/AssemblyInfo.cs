// Each collection runs a demo (emulator, host, Hangfire) in this process; two hosts starting at once in one process
// did not get their baselines done, so the collections run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
