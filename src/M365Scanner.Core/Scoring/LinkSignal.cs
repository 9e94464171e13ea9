namespace M365Scanner.Core.Scoring;

/// <summary>A signal about one link.</summary>
public abstract class LinkSignal : Signal<LinkContext>;
