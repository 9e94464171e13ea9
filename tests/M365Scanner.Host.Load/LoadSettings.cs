namespace M365Scanner.Host.Load;

/// <summary>Bounds of one run. Every loop stops at whichever limit comes first.</summary>
/// <param name="Rates">Sustained delivery rates (messages/s), one phase each, run in order.</param>
/// <param name="Duration">Length of each delivery phase.</param>
/// <param name="Storage">Hangfire and store provider: Sqlite (the embedded default), InMemory, or Postgres (host
/// processes only).</param>
/// <param name="DirectPosts">Direct webhook POSTs in the last phase (0 skips it; in-process host only).</param>
/// <param name="DirectBatch">Notifications per direct POST (Graph sends up to 100 in one).</param>
/// <param name="Hosts">0: one host in this process; 1 or more: that many host processes behind one webhook URL.</param>
/// <param name="Postgres">The PostgreSQL server's connection string (a schema is created in it for the run and dropped).</param>
internal sealed record LoadSettings(IReadOnlyList<int> Rates, TimeSpan Duration, string Storage, int Mailboxes,
    int DirectPosts, int DirectConcurrency, int DirectBatch, TimeSpan DrainTimeout, int Hosts, string? Postgres)
{
    public static LoadSettings Parse(string[] args)
    {
        string? Get(string name) => args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault();
        var storage = Get("storage") ?? "Sqlite";
        var hosts = Math.Clamp(int.Parse(Get("hosts") ?? "0"), 0, 4);
        if (hosts == 0 && storage is not ("Sqlite" or "InMemory"))
            throw new ArgumentException("--storage must be Sqlite or InMemory for the in-process host (--hosts 0)");
        if (hosts > 0 && storage != "Postgres")
            throw new ArgumentException("--hosts 1 or more runs host processes on PostgreSQL: add --storage Postgres");
        var postgres = Get("postgres") ?? Environment.GetEnvironmentVariable("M365SCANNER_TEST_POSTGRES");
        if (storage == "Postgres" && string.IsNullOrWhiteSpace(postgres))
            throw new ArgumentException("--storage Postgres needs --postgres <connection string> or M365SCANNER_TEST_POSTGRES (see .ci/postgres-start)");
        return new LoadSettings(
            (Get("rate") ?? "5,20").Split(',').Select(r => Math.Clamp(int.Parse(r), 1, 500)).ToArray(),
            TimeSpan.FromSeconds(Math.Clamp(int.Parse(Get("seconds") ?? "30"), 1, 120)),
            storage,
            Math.Clamp(int.Parse(Get("mailboxes") ?? "5"), 1, 50),
            hosts > 0 ? 0 : Math.Clamp(int.Parse(Get("direct-posts") ?? "1000"), 0, 20_000),
            Math.Clamp(int.Parse(Get("concurrency") ?? "8"), 1, 64),
            Math.Clamp(int.Parse(Get("batch") ?? "1"), 1, 100),
            TimeSpan.FromSeconds(Math.Clamp(int.Parse(Get("drain-seconds") ?? "60"), 1, 300)),
            hosts,
            storage == "Postgres" ? postgres : null);
    }

    public override string ToString() =>
        $"rates {string.Join(",", Rates)}/s for {Duration.TotalSeconds:F0} s each, storage {Storage}, {Mailboxes} mailboxes, " +
        (Hosts == 0 ? "host in this process, " : $"{Hosts} host process(es) behind one webhook URL, ") +
        $"{DirectPosts} direct POSTs of {DirectBatch} notification(s) at concurrency {DirectConcurrency}";
}
