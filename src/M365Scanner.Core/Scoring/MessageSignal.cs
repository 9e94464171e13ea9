namespace M365Scanner.Core.Scoring;

/// <summary>A signal about the message as a whole (its sender, its authentication); it weighs on every link.</summary>
public abstract class MessageSignal : Signal<MessageContext>;
