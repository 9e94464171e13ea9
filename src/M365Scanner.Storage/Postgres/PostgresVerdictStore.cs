using M365Scanner.Core.Operations;
using M365Scanner.Storage.Rows;
using Npgsql;

namespace M365Scanner.Storage.Postgres;

/// <summary>Verdicts and scan claims in a <see cref="PostgresDatabase"/> (table <c>verdicts</c>, one row per message).</summary>
/// <remarks>
/// <para>A claim is one statement, so it is atomic across every host sharing the database: the unique key admits
/// one row per message, and the conflict branch takes the row's lock and checks the owner on its latest version
/// (see <see cref="TryClaim"/>).</para>
/// <para>As with SQLite, a claim is never released or taken over: a Hangfire retry reuses its job id as owner and
/// so gets the claim back; a job that died for good leaves its message claimed without a verdict.</para>
/// </remarks>
public sealed class PostgresVerdictStore(PostgresDatabase database) : IVerdictStore, IChangeFeed<VerdictRecord>
{
    private const string Columns = VerdictRows.Columns;

    private readonly PostgresDatabase _database = database ?? throw new ArgumentNullException(nameof(database));
    private readonly PostgresChangeFeed<VerdictRecord> _changes = new(database, ChangeFeedSql.Verdicts(SqlDialect.Postgres),
        reader => VerdictRows.Read(reader, SqlDialect.Postgres));

    /// <inheritdoc />
    public bool TryClaim(MessageKey key, string owner, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(owner);
        // A row comes back when the insert made one (unclaimed), or when the existing row is ours and has no
        // verdict yet (a retry): the DO UPDATE ... WHERE only "updates" (to the same owner) in that case. A row
        // held by another owner, or scanned, fails the WHERE and returns nothing. Concurrent claims of one key
        // queue on the row lock, and each sees the winner's committed row.
        return _database.Run(connection =>
        {
            using var claim = connection.Command("""
                INSERT INTO verdicts (tenant_id, mailbox, message_id, claim_owner, claimed_at)
                VALUES (@tenant, @mailbox, @message, @owner, @at)
                ON CONFLICT (tenant_id, mailbox, message_id) DO UPDATE SET claim_owner = verdicts.claim_owner
                WHERE verdicts.claim_owner = excluded.claim_owner AND verdicts.scanned_at IS NULL
                RETURNING 1;
                """);
            return claim.WithKey(key).With("owner", owner).With("at", at).ExecuteScalar() is not null;
        });
    }

    /// <inheritdoc />
    public void Record(VerdictRecord verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        _database.Run(connection =>
        {
            // The claim columns are left alone: they record which job scanned. A replaced verdict gets a new change
            // sequence, so exporters read it again at its new state.
            using var upsert = connection.Command($"""
                {_changes.WithNext}
                INSERT INTO verdicts ({Columns}, change_seq)
                VALUES ({SqlDialect.Postgres.Parameters(Columns)}, (SELECT last FROM change))
                ON CONFLICT (tenant_id, mailbox, message_id) DO UPDATE SET
                    {VerdictRows.SetFromExcluded},
                    change_seq = excluded.change_seq;
                """);
            SqlDialect.Postgres.Bind(upsert, Columns, VerdictRows.Values(verdict));
            return upsert.ExecuteNonQuery();
        });
    }

    /// <inheritdoc />
    public VerdictRecord? Get(MessageKey key) => _database.Run(connection =>
    {
        using var select = connection.Command($"""
            SELECT {Columns} FROM verdicts
            WHERE tenant_id = @tenant AND mailbox = @mailbox AND message_id = @message AND scanned_at IS NOT NULL;
            """);
        return select.WithKey(key).ReadAll(Read).SingleOrDefault();
    });

    /// <inheritdoc />
    /// <remarks>Ties on the scan time are broken by the order the messages were first claimed or recorded;
    /// <see cref="VerdictQuery.Since"/> is inclusive. A link domain is a LIKE on the links' JSON, see
    /// <see cref="VerdictSearchPatterns"/>.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The limit is not positive.</exception>
    public IReadOnlyList<VerdictRecord> Query(VerdictQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit, nameof(query));
        return _database.Run(connection =>
        {
            var where = new PostgresFilter("scanned_at IS NOT NULL")
                .Equal("tenant_id", query.TenantId)
                .Equal("mailbox", query.Mailbox)
                .Equal("action", query.Action is { } action ? StableName.Of(action) : null)
                .AtLeast("scanned_at", query.Since)
                .Below("scanned_at", query.Until)
                .Equal("message_id", query.MessageId)
                .Equal("lower(sender)", query.Sender is { } s && !VerdictSearchPatterns.IsDomain(s) ? s.ToLowerInvariant() : null)
                .Like("sender", query.Sender is { } d && VerdictSearchPatterns.IsDomain(d) ? VerdictSearchPatterns.AtDomain(d) : null, ignoreCase: true)
                .Like("subject", query.SubjectContains is { } text ? VerdictSearchPatterns.Contains(text) : null, ignoreCase: true)
                .Like("links_json", query.LinkDomain is { } domain ? VerdictSearchPatterns.LinkDomain(domain) : null);
            using var select = connection.Command($"""
                SELECT {Columns} FROM verdicts
                WHERE {where}
                ORDER BY scanned_at DESC, id DESC
                LIMIT @limit;
                """);
            return where.Bind(select).With("limit", query.Limit).ReadAll(Read);
        });
    }

    /// <inheritdoc />
    public int DeleteTenant(string tenantId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        return _database.Run(connection =>
        {
            using var delete = connection.Command("DELETE FROM verdicts WHERE tenant_id = @tenant;");
            return delete.With("tenant", tenantId).ExecuteNonQuery();
        });
    }

    private static VerdictRecord Read(NpgsqlDataReader reader) => VerdictRows.Read(reader, SqlDialect.Postgres);

    /// <inheritdoc />
    public long? PageEnd(long after, int limit, string? tenantId = null) => _changes.PageEnd(after, limit, tenantId);

    /// <inheritdoc />
    public IReadOnlyList<Change<VerdictRecord>> Read(long after, long through, int limit, string? tenantId = null) =>
        _changes.Read(after, through, limit, tenantId);
}
