namespace M365Scanner.GraphEmulator.Load;

/// <summary>Bounds of one load run. Every loop stops at whichever limit comes first.</summary>
internal sealed record LoadSettings(TimeSpan Duration, int Concurrency, int MaxRequests, int Deliveries, string Mode)
{
    public static LoadSettings Parse(string[] args)
    {
        string? Get(string name) => args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault();
        return new LoadSettings(
            TimeSpan.FromSeconds(Math.Clamp(int.Parse(Get("seconds") ?? "10"), 1, 120)),
            Math.Clamp(int.Parse(Get("concurrency") ?? "16"), 1, 256),
            Math.Clamp(int.Parse(Get("max-requests") ?? "500000"), 1, 5_000_000),
            Math.Clamp(int.Parse(Get("deliveries") ?? "5000"), 1, 200_000),
            Get("mode") ?? "all");
    }
}
