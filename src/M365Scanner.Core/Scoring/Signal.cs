using M365Scanner.Core.Reference;

namespace M365Scanner.Core.Scoring;

/// <summary>
/// A detection signal: data (id, name, weight, why it is evidence, the attacks it speaks to, the grades it fires at,
/// the lists it reads, known false positives) plus one small pure function deciding whether it fires and saying why
/// in plain words.
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

    /// <summary>Why the signal is evidence: what attackers do that it sees, and how it is graded.</summary>
    public abstract string Description { get; }

    /// <summary>The attack kinds this signal speaks to (for or against); at least one.</summary>
    public abstract IReadOnlyList<AttackKind> Tags { get; }

    /// <summary>The named grades <see cref="Evaluate"/> fires at, as fractions of <see cref="Weight"/>.</summary>
    public abstract IReadOnlyList<SignalStrength> Strengths { get; }

    /// <summary>The reference lists <see cref="Evaluate"/> reads, by their names in <see cref="ReferenceLists"/>.</summary>
    public virtual IReadOnlyList<ReferenceListSpec> Lists => [];

    /// <summary>Where this signal is known to fire on benign mail, for analysts reading a verdict.</summary>
    public virtual string KnownFalsePositives => "";

    /// <summary>The hit when the signal fires, null when it does not.</summary>
    public abstract SignalHit? Evaluate(TContext context);

    /// <summary>The signal as data, at <paramref name="level"/> ("message" or "link").</summary>
    public SignalDefinition Define(string level) =>
        new(level, Id, Name, Weight, Description, Tags, Strengths, Lists, KnownFalsePositives);

    /// <summary>The grade of a signal that fires only at full strength.</summary>
    protected static SignalStrength Full { get; } = new("full", 1.0, "whenever it fires");

    /// <summary>A hit at <paramref name="strength"/> (0..1] of <see cref="Weight"/>.</summary>
    protected SignalHit Hit(string explanation, double strength = 1.0) =>
        new(Id, Name, Weight * Math.Clamp(strength, 0, 1), explanation);

    /// <summary>A hit at the named grade <paramref name="strength"/>.</summary>
    protected SignalHit Hit(string explanation, SignalStrength strength) => Hit(explanation, strength.Value);
}
