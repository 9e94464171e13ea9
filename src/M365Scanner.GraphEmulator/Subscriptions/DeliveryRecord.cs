namespace M365Scanner.GraphEmulator.Subscriptions;

/// <summary>What happened to one POST of notifications: delivered (after how many attempts), or given up.</summary>
public sealed record DeliveryRecord(Uri Url, int Notifications, int Attempts, bool Delivered, DateTimeOffset At);
