using M365Scanner.Core.Reference;

namespace M365Scanner.Core.Scoring;

/// <summary>A signal as data: everything about it but its evaluation, as the <c>signals</c> verb prints it.</summary>
/// <param name="Level">"message" or "link".</param>
/// <param name="Description">Why the signal is evidence.</param>
/// <param name="Tags">The attack kinds it speaks to.</param>
/// <param name="Strengths">The named grades it fires at (fractions of <paramref name="Weight"/>).</param>
/// <param name="Lists">The reference lists it reads, by name (<see cref="ReferenceListSpec.Name"/>).</param>
public sealed record SignalDefinition(
    string Level,
    string Id,
    string Name,
    double Weight,
    string Description,
    IReadOnlyList<AttackKind> Tags,
    IReadOnlyList<SignalStrength> Strengths,
    IReadOnlyList<ReferenceListSpec> Lists,
    string KnownFalsePositives);
