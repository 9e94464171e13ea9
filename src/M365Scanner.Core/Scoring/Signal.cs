namespace M365Scanner.Core.Scoring;

/// <summary>
/// A detection signal: data (id, name, weight, what it means, known false positives) plus one small pure
/// function deciding whether it fires and saying why in plain words.
/// </summary>
/// <typeparam name="TContext"><see cref="MessageContext"/> or <see cref="LinkContext"/>.</typeparam>
public abstract class Signal<TContext>
{
    /// <summary>Stable id ("link.new-for-sender"); used in configuration and reports.</summary>
    public abstract string Id { get; }

    /// <summary>"Category: what", e.g. "Link: domain never sent by this sender".</summary>
    public abstract string Name { get; }

    /// <summary>Log-odds contribution at full strength; see docs/SCORING.md for how each was chosen.</summary>
    public abstract double Weight { get; }

    /// <summary>Where this signal is known to fire on benign mail, for analysts reading a verdict.</summary>
    public virtual string KnownFalsePositives => "";

    /// <summary>The hit when the signal fires, null when it does not.</summary>
    public abstract SignalHit? Evaluate(TContext context);

    /// <summary>A hit at <paramref name="strength"/> (0..1] of <see cref="Weight"/>.</summary>
    protected SignalHit Hit(string explanation, double strength = 1.0) =>
        new(Id, Name, Weight * Math.Clamp(strength, 0, 1), explanation);
}
