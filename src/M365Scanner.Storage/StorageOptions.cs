using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace M365Scanner.Storage;

/// <summary>The stores' and Hangfire's storage (section "Storage"), validated at start.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The Npgsql connection string (required for <see cref="StorageProvider.Postgres"/>; ignored otherwise).
    /// It holds a password: never log it, log <see cref="Describe"/> instead.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The schema of Hangfire's tables (PostgreSQL only), beside the stores' tables. Deployments, or test
    /// runs, that share one database each use their own.</summary>
    [RegularExpression("^[a-z_][a-z0-9_]{0,62}$")]
    public string JobSchema { get; set; } = "hangfire";

    /// <summary>How long a job fetched by a host stays invisible to the others without a sign of life from that host
    /// (PostgreSQL only; the host's PostgresJobStorage says why one minute).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan JobInvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>After how long a distributed lock left behind by a dead host is broken (PostgreSQL only). It must be
    /// longer than any lock is held by a live host: ours cover one mailbox's subscription call or one baseline page.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider != StorageProvider.Postgres)
            yield break;
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult("Storage:ConnectionString is required when Storage:Provider is Postgres.", [nameof(ConnectionString)]);
            yield break;
        }
        // The parser's own message may quote the string, password included; say only that it does not parse.
        if (!Parses(ConnectionString))
            yield return new ValidationResult("Storage:ConnectionString is not a valid connection string (key=value;...).", [nameof(ConnectionString)]);
    }

    /// <summary>The provider and, for PostgreSQL, the connection string with its password removed: what may be logged.</summary>
    public string Describe()
    {
        if (Provider != StorageProvider.Postgres || ConnectionString is null || !Parses(ConnectionString))
            return Provider.ToString();
        var builder = new DbConnectionStringBuilder { ConnectionString = ConnectionString };
        foreach (var secret in new[] { "Password", "Pwd" })
            builder.Remove(secret);
        return $"{Provider} ({builder.ConnectionString})";
    }

    /// <summary>Binds and validates the section now: registration needs the provider before the options system runs
    /// (Hangfire's storage is chosen while services are registered).</summary>
    /// <exception cref="OptionsValidationException">The section is invalid; the message says which setting.</exception>
    public static StorageOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<StorageOptions>() ?? new StorageOptions();
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true))
            throw new OptionsValidationException(Section, typeof(StorageOptions), errors.Select(e => e.ErrorMessage ?? "invalid"));
        return options;
    }

    private static bool Parses(string connectionString)
    {
        try
        {
            _ = new DbConnectionStringBuilder { ConnectionString = connectionString };
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
