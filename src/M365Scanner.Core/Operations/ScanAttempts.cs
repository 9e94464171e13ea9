namespace M365Scanner.Core.Operations;

/// <summary>A message's counted scan attempts, as <see cref="IScanAttemptStore.Begin"/> leaves them.</summary>
/// <param name="Count">Attempts counted, this one included when it was started.</param>
/// <param name="Started">False when the limit was already reached: no attempt was counted, the message is poison.</param>
/// <param name="FirstAt">When the first counted attempt started.</param>
/// <param name="LastAt">When the last counted attempt started.</param>
/// <param name="LastError">What the last counted attempt failed with; null when it started just now, or when it
/// never reported an error because its process stopped.</param>
public sealed record ScanAttempts(int Count, bool Started, DateTimeOffset FirstAt, DateTimeOffset LastAt, string? LastError);
