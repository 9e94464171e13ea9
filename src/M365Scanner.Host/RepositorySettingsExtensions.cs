namespace M365Scanner.Host;

public static class RepositorySettingsExtensions
{
    /// <summary>Adds the repository's appsettings.json (found by walking up from the current directory and the binary
    /// to the folder holding M365Scanner.sln) beneath the usual sources, so `dotnet run` from anywhere in the tree reads
    /// the one settings file the README documents. A deployed host without the repository uses its own files.</summary>
    public static IConfigurationBuilder AddRepositorySettings(this IConfigurationManager configuration)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "M365Scanner.sln")))
                    continue;
                var settings = Path.Combine(dir.FullName, "appsettings.json");
                if (File.Exists(settings))
                {
                    // Lowest precedence: inserted first, so environment variables and command-line arguments override it.
                    var sources = (IConfigurationBuilder)configuration;
                    var json = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource { Path = settings, Optional = true };
                    json.ResolveFileProvider();
                    sources.Sources.Insert(0, json);
                }
                return configuration;
            }
        }
        return configuration;
    }
}
