namespace M365Scanner.Host.Load;

/// <summary>Bounds of one run. Every loop stops at whichever limit comes first.</summary>
/// <param name="Rates">Sustained delivery rates (messages/s), one phase each, run in order.</param>
/// <param name="Duration">Length of each delivery phase.</param>
/// <param name="Storage">Hangfire and store provider: Sqlite (the embedded default) or InMemory.</param>
/// <param name="DirectPosts">Direct webhook POSTs in the last phase (0 skips it).</param>
/// <param name="DirectBatch">Notifications per direct POST (Graph sends up to 100 in one).</param>
internal sealed record LoadSettings(IReadOnlyList<int> Rates, TimeSpan Duration, string Storage, int Mailboxes,
    int DirectPosts, int DirectConcurrency, int DirectBatch, TimeSpan DrainTimeout)
{
    public static LoadSettings Parse(string[] args)
    {
        string? Get(string name) => args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault();
        var storage = Get("storage") ?? "Sqlite";
        if (storage is not ("Sqlite" or "InMemory"))
            throw new ArgumentException("--storage must be Sqlite or InMemory");
        return new LoadSettings(
            (Get("rate") ?? "5,20").Split(',').Select(r => Math.Clamp(int.Parse(r), 1, 200)).ToArray(),
            TimeSpan.FromSeconds(Math.Clamp(int.Parse(Get("seconds") ?? "30"), 1, 120)),
            storage,
            Math.Clamp(int.Parse(Get("mailboxes") ?? "5"), 1, 50),
            Math.Clamp(int.Parse(Get("direct-posts") ?? "1000"), 0, 20_000),
            Math.Clamp(int.Parse(Get("concurrency") ?? "8"), 1, 64),
            Math.Clamp(int.Parse(Get("batch") ?? "1"), 1, 100),
            TimeSpan.FromSeconds(Math.Clamp(int.Parse(Get("drain-seconds") ?? "60"), 1, 300)));
    }

    public override string ToString() =>
        $"rates {string.Join(",", Rates)}/s for {Duration.TotalSeconds:F0} s each, storage {Storage}, {Mailboxes} mailboxes, " +
        $"{DirectPosts} direct POSTs of {DirectBatch} notification(s) at concurrency {DirectConcurrency}";
}
