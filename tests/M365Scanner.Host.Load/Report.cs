using M365Scanner.GraphEmulator.Faults;

namespace M365Scanner.Host.Load;

/// <summary>Prints a phase's figures as plain lines and Markdown tables (pasted into docs/BENCHMARKS.md).</summary>
internal static class Report
{
    public static void Phase(PhaseResult r, IReadOnlyList<(double Millis, int Status)> webhook, IReadOnlyList<LoggedRequest> requests, string load,
        TimeSpan cpu)
    {
        var messages = r.Messages;
        Console.WriteLine();
        Console.WriteLine($"== Sustained delivery at {r.Rate}/s: {messages.Count} messages in {r.DeliveryTime.TotalSeconds:F1} s " +
                          $"({messages.Count / r.DeliveryTime.TotalSeconds:F1}/s achieved, {r.LateStarts} deliveries >50 ms late); {load}");
        Console.WriteLine($"  backlog when delivery stopped: {r.UnscannedAtEnd} without a verdict, {r.QueuedAtEnd} scan jobs queued; " +
                          $"all done {r.Drain.TotalSeconds:F1} s later; not done after the drain limit: {r.NotDoneAfterDrain}");
        var accepted = webhook.Where(w => w.Status == 202).Select(w => w.Millis);
        Console.WriteLine($"  {Throughput(messages, cpu)}");
        Console.WriteLine($"  webhook, server side, Graph's notification POSTs: {new Percentiles(accepted)}; statuses " +
                          string.Join(", ", webhook.GroupBy(w => w.Status).Select(g => $"{g.Key} ×{g.Count()}")));

        Console.WriteLine("| Kind | n | Delivery → verdict recorded p50 / p99 / max | Delivery → action completed p50 / p99 | " +
                          "Queue wait (Hangfire latency) p50 / p99 | Job run p50 / p99 | Rest: notification to the webhook p50 / p99 |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var group in messages.GroupBy(m => m.Kind).OrderBy(g => g.Key).Select(g => (g.Key.ToString(), g.ToArray()))
                     .Append(("All", messages.ToArray())))
            Console.WriteLine(Row(group.Item1, group.Item2));
        Console.WriteLine(GraphCost.Report(requests, messages));
    }

    /// <summary>Scans per second: messages with a verdict over the time from the first delivery to the last verdict
    /// recorded (so a backlog that drains after delivery stops counts against it), and CPU per scanned message.</summary>
    private static string Throughput(IReadOnlyList<Delivered> messages, TimeSpan cpu)
    {
        var scanned = messages.Where(m => m.Verdict is not null).ToList();
        if (scanned.Count == 0)
            return "scans: none";
        var span = scanned.Max(m => m.Verdict!.ScannedAt) - messages.Min(m => m.At);
        return $"scans: {scanned.Count} of {messages.Count} in {span.TotalSeconds:F1} s from first delivery to last verdict = " +
               $"{scanned.Count / span.TotalSeconds:F1} scans/s; CPU of everything under test {cpu.TotalSeconds:F1} s = " +
               $"{cpu.TotalMilliseconds / scanned.Count:F1} ms per scan";
    }

    private static string Row(string name, Delivered[] group)
    {
        var verdict = new Percentiles(group.Where(m => m.Verdict is not null).Select(m => (m.Verdict!.ScannedAt - m.At).TotalMilliseconds));
        var action = new Percentiles(group.Where(m => m.Action?.UpdatedAt is not null).Select(m => (m.Action!.UpdatedAt!.Value - m.At).TotalMilliseconds));
        var queue = new Percentiles(group.Where(m => m.QueueMillis is not null).Select(m => m.QueueMillis!.Value));
        var run = new Percentiles(group.Where(m => m.RunMillis is not null).Select(m => m.RunMillis!.Value));
        // Delivery → verdict minus the job's queue wait and run: the notification's way to the webhook and the enqueue
        // (the emulator's 20 ms batching window, the POST), less the part of the run after the verdict (learning).
        var notify = new Percentiles(group.Where(m => m.Verdict is not null && m.QueueMillis is not null && m.RunMillis is not null)
            .Select(m => (m.Verdict!.ScannedAt - m.At).TotalMilliseconds - m.QueueMillis!.Value - m.RunMillis!.Value));
        string Pair(Percentiles p) => p.Count == 0 ? "–" : $"{Percentiles.Ms(p.At(0.5))} / {Percentiles.Ms(p.At(0.99))}";
        return $"| {name} | {group.Length} | {Pair(verdict)} / {(verdict.Count == 0 ? "–" : Percentiles.Ms(verdict.Max))} | {Pair(action)} | " +
               $"{Pair(queue)} | {Pair(run)} | {Pair(notify)} |";
    }

    public static void Direct(Percentiles clientSide, int errors, TimeSpan elapsed, int concurrency, int batch,
        IReadOnlyList<(double Millis, int Status)> serverSide, string load)
    {
        Console.WriteLine();
        Console.WriteLine($"== Direct webhook POSTs ({batch} valid notification(s) each, concurrency {concurrency}): {clientSide.Count} answered 202, " +
                          $"{errors} other in {elapsed.TotalSeconds:F1} s = {clientSide.Count / elapsed.TotalSeconds:F0} POSTs/s, " +
                          $"{clientSide.Count * batch / elapsed.TotalSeconds:F0} notifications/s; {load}");
        Console.WriteLine($"  client side (loopback round trip): {clientSide}");
        Console.WriteLine($"  server side (pipeline): {new Percentiles(serverSide.Where(w => w.Status == 202).Select(w => w.Millis))}");
    }
}
