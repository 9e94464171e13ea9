namespace M365Scanner.Host.Jobs;

/// <summary>Hangfire queues by kind of work, in the order workers serve them: a notification's scan never waits
/// behind a baseline or a hunt.</summary>
public static class JobQueues
{
    public const string Notifications = "notifications";
    public const string Scans = "scans";
    public const string Maintenance = "maintenance";
    public const string Baselines = "baselines";
    public const string Hunts = "hunts";

    public static readonly string[] InPriorityOrder = [Notifications, Scans, Maintenance, Baselines, Hunts, "default"];
}
