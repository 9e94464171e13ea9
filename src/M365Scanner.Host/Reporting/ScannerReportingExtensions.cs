namespace M365Scanner.Host.Reporting;

public static class ScannerReportingExtensions
{
    /// <summary>Phish reports from each tenant's reporting mailbox (Scanner:ReportingMailboxes): the intake job. The
    /// reporting mailboxes themselves are known to the mailbox ports (<see cref="Mailboxes.ReportingMailboxes"/>), and
    /// the store comes with the other stores.</summary>
    public static IHostApplicationBuilder AddScannerReporting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddTransient<ReportIntakeJob>();
        return builder;
    }
}
