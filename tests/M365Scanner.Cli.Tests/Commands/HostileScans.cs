namespace M365Scanner.Cli.Tests.Commands;

/// <summary>Scans of the hostile corpus run one at a time, after the other tests: today one may take a core and
/// gigabytes, and the machine is shared.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostileScans
{
    public const string Name = "hostile scans";
}
