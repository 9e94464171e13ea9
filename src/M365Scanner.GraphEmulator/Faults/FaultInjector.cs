namespace M365Scanner.GraphEmulator.Faults;

/// <summary>Holds the injected faults and hands out the first that matches, counting down limited ones.</summary>
internal sealed class FaultInjector
{
    private readonly List<(Guid Id, FaultRule Rule, int? Remaining)> _rules = [];

    public Guid Add(FaultRule rule)
    {
        var id = Guid.NewGuid();
        lock (_rules) _rules.Add((id, rule, rule.Times));
        return id;
    }

    public void Remove(Guid id)
    {
        lock (_rules) _rules.RemoveAll(r => r.Id == id);
    }

    public void Clear()
    {
        lock (_rules) _rules.Clear();
    }

    public bool IsEmpty
    {
        get { lock (_rules) return _rules.Count == 0; }
    }

    /// <summary>Waits out an injected delay matching the request, if any. Called on admitted requests (Graph's and the
    /// upload URLs'), so that a slow request holds its mailbox concurrency slot the way a slow backend does.</summary>
    public Task DelayAsync(HttpContext context) =>
        IsEmpty || Take(context.Request.Method, context.Request.Path.Value ?? "", FaultKind.Delay) is not { } delay
            ? Task.CompletedTask
            : Task.Delay(delay.Delay, context.RequestAborted);

    /// <summary>Takes the first matching rule of the given kinds, spending one of its hits.</summary>
    public FaultRule? Take(string? method, string target, params FaultKind[] kinds)
    {
        lock (_rules)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var (id, rule, remaining) = _rules[i];
                if (!kinds.Contains(rule.Kind) || !rule.Matches(method, target)) continue;
                if (remaining is { } n)
                {
                    if (n <= 1) _rules.RemoveAt(i);
                    else _rules[i] = (id, rule, n - 1);
                }
                return rule;
            }
            return null;
        }
    }
}
