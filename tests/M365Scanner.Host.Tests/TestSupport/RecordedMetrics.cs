using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace M365Scanner.Host.Tests.TestSupport;

/// <summary>Every measurement of the given host's instruments (its meter factory's), kept for the assertions.</summary>
public sealed class RecordedMetrics : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Name, double Value, KeyValuePair<string, object?>[] Tags)> _seen = new();

    public RecordedMetrics(IMeterFactory host)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "M365Scanner" && ReferenceEquals(instrument.Meter.Scope, host))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => _seen.Enqueue((i.Name, v, tags.ToArray())));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => _seen.Enqueue((i.Name, v, tags.ToArray())));
        _listener.Start();
    }

    public void Observe() => _listener.RecordObservableInstruments();

    public double Sum(string name, (string Key, string Value)? tag = null) => _seen
        .Where(m => m.Name == name && (tag is not { } t || m.Tags.Any(kv => kv.Key == t.Key && Equals(kv.Value, t.Value))))
        .Sum(m => m.Value);

    public IReadOnlyList<double> Values(string name) => [.. _seen.Where(m => m.Name == name).Select(m => m.Value)];

    public IReadOnlyList<string?> Tags(string name, string key) =>
        [.. _seen.Where(m => m.Name == name).SelectMany(m => m.Tags).Where(kv => kv.Key == key).Select(kv => kv.Value?.ToString())];

    public void Dispose() => _listener.Dispose();
}
