namespace M365Scanner.Cli.Output;

/// <summary>Where scan results go, one record per input file, in input order.</summary>
public interface IScanWriter
{
    void Write(ScanRecord record);

    /// <summary>Called once after the last record (for summaries).</summary>
    void Complete();
}
