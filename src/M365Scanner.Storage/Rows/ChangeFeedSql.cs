namespace M365Scanner.Storage.Rows;

/// <summary>The SQL of a change feed (<see cref="Core.Operations.IChangeFeed{T}"/>), for both providers: each feed's
/// table has a <c>change_seq</c> column, and the table <c>change_counters</c> one row per feed holding the last
/// sequence handed out. A write takes the next value by updating that row in its own transaction, so writers of one
/// feed take sequences one at a time, each after the previous one committed: sequence order is commit order, and a
/// reader that has seen a sequence can never later see a smaller one appear.</summary>
internal sealed class ChangeFeedSql(SqlDialect dialect, string feed, string table, string columns)
{
    public const string VerdictsFeed = "verdicts";
    public const string AuditFeed = "audit";

    public static ChangeFeedSql Verdicts(SqlDialect dialect) => new(dialect, VerdictsFeed, "verdicts", VerdictRows.Columns);

    public static ChangeFeedSql Audit(SqlDialect dialect) => new(dialect, AuditFeed, "audit_entries", AuditRows.Columns);

    /// <summary>Takes the feed's next sequence, returning it; its row stays locked until the transaction ends.</summary>
    public string Next => $"UPDATE change_counters SET last = last + 1 WHERE feed = '{feed}' RETURNING last";

    /// <summary>The last sequence of the page after <c>after</c> of at most <c>limit</c> rows; null for none.</summary>
    public string PageEnd(bool byTenant) => $"""
        SELECT MAX(change_seq) FROM (
            SELECT change_seq FROM {table}
            WHERE change_seq > {dialect.Parameter("after")}{TenantClause(byTenant)}
            ORDER BY change_seq
            LIMIT {dialect.Parameter("limit")}) AS page;
        """;

    /// <summary>The rows in (<c>after</c>, <c>through</c>], at most <c>limit</c>, in sequence order: the row's columns,
    /// then <c>change_seq</c>.</summary>
    public string Read(bool byTenant) => $"""
        SELECT {columns}, change_seq FROM {table}
        WHERE change_seq > {dialect.Parameter("after")} AND change_seq <= {dialect.Parameter("through")}{TenantClause(byTenant)}
        ORDER BY change_seq
        LIMIT {dialect.Parameter("limit")};
        """;

    /// <summary>The ordinal of <c>change_seq</c> in a row of <see cref="Read"/>.</summary>
    public int SequenceOrdinal => SqlColumns.Split(columns).Length;

    private string TenantClause(bool byTenant) => byTenant ? $" AND tenant_id = {dialect.Parameter("tenant")}" : "";
}
