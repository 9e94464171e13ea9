using M365Scanner.DocumentWorker.Pool;

namespace M365Scanner.DocumentWorker.Tests.Pool;

public class WorkerLauncherTests
{
    [Fact]
    public void StartInfo_KeepsTheParentsSecretsOutOfTheWorkersEnvironment()
    {
        const string secret = "Storage__ConnectionString_WorkerLauncherTests";
        Environment.SetEnvironmentVariable(secret, "Password=s3cret");
        try
        {
            var environment = WorkerLauncher.Locate().StartInfo(256L << 20, new Dictionary<string, string> { ["EXTRA"] = "1" }).Environment;

            Assert.False(environment.ContainsKey(secret));
            Assert.Equal("10000000", environment["DOTNET_GCHeapHardLimit"]); // 256 MiB, hexadecimal
            Assert.Equal("1", environment["EXTRA"]);
            Assert.Equal("0", environment["DOTNET_TC_CallCountingDelayMs"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(secret, null);
        }
    }

    [Fact]
    public void Locate_FindsTheWorkerBesideThisAssembly()
    {
        var launcher = WorkerLauncher.Locate();

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "M365Scanner.DocumentWorker.dll"), launcher.WorkerDll);
        Assert.True(File.Exists(Path.ChangeExtension(launcher.WorkerDll, ".runtimeconfig.json")));
    }
}
