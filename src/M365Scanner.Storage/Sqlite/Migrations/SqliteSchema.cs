namespace M365Scanner.Storage.Sqlite.Migrations;

/// <summary>The embedded database's schema as an ordered list of steps. A later feature adds its tables by
/// appending a step here, with the next version number; every SQLite store applies all of them, so one file can
/// hold the graph and the operations tables.</summary>
public static class SqliteSchema
{
    /// <summary>Every step, in the order they are applied.</summary>
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        // The correspondence graph: one row per counted edge. WITHOUT ROWID keeps the row inside the primary-key
        // B-tree, so the three keys are stored once (a rowid table would store them twice: table and index).
        // Times are whole unix seconds (Date: headers have no finer precision) so they fit in 4-5 bytes.
        new(1, "correspondence edges", """
            CREATE TABLE edges (
                kind     INTEGER NOT NULL,
                from_key TEXT    NOT NULL,
                to_key   TEXT    NOT NULL,
                count    INTEGER NOT NULL,
                first    INTEGER NOT NULL,
                last     INTEGER NOT NULL,
                PRIMARY KEY (kind, from_key, to_key)
            ) WITHOUT ROWID;
            """),
        // Claims and verdicts share one row per message: a claim inserts it, Record fills in the verdict, so "one
        // scan per message" is one unique index and a claim is one insert. The claim columns stay after Record to
        // tell which job scanned. Verdict columns are null until then (a row with scanned_at null is a claim only).
        // Times are unix milliseconds. The row id is the insertion order, the tie-break between equal times.
        new(2, "verdicts and scan claims", """
            CREATE TABLE verdicts (
                id               INTEGER PRIMARY KEY,
                tenant_id        TEXT    NOT NULL,
                mailbox          TEXT    NOT NULL,
                message_id       TEXT    NOT NULL,
                claim_owner      TEXT,
                claimed_at       INTEGER,
                graph_message_id TEXT,
                scanned_at       INTEGER,
                action           TEXT,
                score            REAL,
                explanation      TEXT,
                enforced         INTEGER,
                links_json       TEXT,
                notes            TEXT,
                subject          TEXT,
                sender           TEXT
            );
            CREATE UNIQUE INDEX verdicts_by_key ON verdicts (tenant_id, mailbox, message_id);
            CREATE INDEX verdicts_by_tenant_time ON verdicts (tenant_id, scanned_at);
            -- The unfiltered newest-first list (an admin's first page) cannot use the tenant index.
            CREATE INDEX verdicts_by_time ON verdicts (scanned_at);
            """),
        // The audit log: append-mostly, never deleted, so a plain INTEGER PRIMARY KEY never reuses an id (a release
        // refers to the entry it undoes by id). An index ends with the row id implicitly, so "latest for key and
        // action" is one step down audit_by_key_action. Named audit_entries, not audit_log: the migrator's tests
        // add a throwaway audit_log table of their own.
        new(3, "audit log", """
            CREATE TABLE audit_entries (
                id                  INTEGER PRIMARY KEY,
                at                  INTEGER NOT NULL,
                actor               TEXT    NOT NULL,
                tenant_id           TEXT    NOT NULL,
                mailbox             TEXT    NOT NULL,
                message_id          TEXT    NOT NULL,
                action              TEXT    NOT NULL,
                state               TEXT    NOT NULL,
                original_message_id TEXT,
                result_message_id   TEXT,
                reasons             TEXT    NOT NULL,
                related_entry_id    INTEGER,
                updated_at          INTEGER
            );
            CREATE INDEX audit_by_key_action ON audit_entries (tenant_id, mailbox, message_id, action);
            CREATE INDEX audit_by_tenant_time ON audit_entries (tenant_id, at);
            CREATE INDEX audit_by_time ON audit_entries (at);
            """),
        // The hosted worker's state. Rowid tables (not WITHOUT ROWID): a delta link is a URL of a kilobyte or more,
        // too large a row for a primary-key B-tree. client_state is the subscription's shared secret, kept in
        // plain text like the rest of the file: protect the file, not the column.
        new(4, "worker subscriptions and delta links", """
            CREATE TABLE subscriptions (
                subscription_id TEXT    NOT NULL PRIMARY KEY,
                tenant_id       TEXT    NOT NULL,
                mailbox         TEXT    NOT NULL,
                resource        TEXT    NOT NULL,
                client_state    TEXT    NOT NULL,
                expires_at      INTEGER NOT NULL
            );
            CREATE INDEX subscriptions_by_tenant ON subscriptions (tenant_id, expires_at);
            CREATE TABLE delta_links (
                tenant_id  TEXT NOT NULL,
                mailbox    TEXT NOT NULL,
                folder     TEXT NOT NULL,
                delta_link TEXT NOT NULL,
                PRIMARY KEY (tenant_id, mailbox, folder)
            );
            """),
        // Onboarding: tenants that consented, the mailboxes found in each, and consent round trips under way (only
        // hashes of the state and of the browser's nonce, so a copy of the file cannot finish someone's consent).
        // granted_roles is a space-separated list, as in an OAuth scope.
        new(5, "onboarded tenants and pending consents", """
            CREATE TABLE tenants (
                tenant_id     TEXT    NOT NULL PRIMARY KEY COLLATE NOCASE,
                state         TEXT    NOT NULL,
                consented_at  INTEGER,
                granted_roles TEXT    NOT NULL,
                problem       TEXT
            );
            CREATE TABLE tenant_mailboxes (
                tenant_id TEXT NOT NULL COLLATE NOCASE,
                mailbox   TEXT NOT NULL,
                PRIMARY KEY (tenant_id, mailbox)
            ) WITHOUT ROWID;
            CREATE TABLE pending_consents (
                state_hash   TEXT    NOT NULL PRIMARY KEY,
                browser_hash TEXT    NOT NULL,
                expires_at   INTEGER NOT NULL
            );
            """),
        // Hunt reports: one row per hunt, saved as it progresses. Matches and errors are JSON: they are read whole
        // with their report and never queried on their own. The rowid breaks ties between equal creation times.
        new(6, "hunt reports", """
            CREATE TABLE hunts (
                id            TEXT    NOT NULL UNIQUE,
                kind          TEXT    NOT NULL,
                indicator     TEXT,
                tenant_id     TEXT,
                window_hours  INTEGER NOT NULL,
                act           INTEGER NOT NULL,
                source        TEXT    NOT NULL,
                state         TEXT    NOT NULL,
                created_at    INTEGER NOT NULL,
                started_at    INTEGER,
                finished_at   INTEGER,
                mailboxes     INTEGER NOT NULL,
                messages      INTEGER NOT NULL,
                acted_on      INTEGER NOT NULL,
                matches_json  TEXT    NOT NULL,
                errors_json   TEXT    NOT NULL
            );
            CREATE INDEX hunts_by_time ON hunts (created_at);
            CREATE INDEX hunts_by_indicator ON hunts (indicator, source, created_at);
            """),
        // Baseline checkpoints, one row per mailbox folder, rewritten after every page of history. ids_at_boundary
        // holds the Graph ids learned in the boundary second, newline-separated (usually one; Graph ids never
        // contain a newline). Times are unix milliseconds.
        new(7, "baseline progress", """
            CREATE TABLE baseline_progress (
                tenant_id       TEXT    NOT NULL,
                mailbox         TEXT    NOT NULL,
                folder          TEXT    NOT NULL,
                since           INTEGER NOT NULL,
                until           INTEGER NOT NULL,
                boundary        INTEGER,
                ids_at_boundary TEXT    NOT NULL,
                learned         INTEGER NOT NULL,
                pages           INTEGER NOT NULL,
                completed       INTEGER NOT NULL,
                updated_at      INTEGER NOT NULL,
                PRIMARY KEY (tenant_id, mailbox, folder)
            );
            -- A mailbox with a delta link was baselined by a build without checkpoints: adopt its baseline as
            -- complete (learned unknown, 0), or the next start would learn its history a second time.
            INSERT INTO baseline_progress
                (tenant_id, mailbox, folder, since, until, boundary, ids_at_boundary, learned, pages, completed, updated_at)
            SELECT tenant_id, mailbox, f.folder, 0, 0, NULL, '', 0, 0, 1, CAST(strftime('%s', 'now') AS INTEGER) * 1000
            FROM delta_links, (SELECT 'sentitems' AS folder UNION ALL SELECT 'inbox') AS f
            WHERE delta_links.folder = 'inbox';
            """),
        // Scan attempts, one row per message with an attempt under way or marked poison: a row is inserted when an
        // attempt starts and deleted when the scan ends with a verdict, so the table holds only the messages in flight
        // and the poison ones. poison_reason is null until the message is marked; the columns after it describe the
        // message and the fail-safe verdict it got, for the admin list. Times are unix milliseconds; the row id is the
        // order of first sight, the tie-break between equal times. A new table, so existing files upgrade in place.
        new(8, "scan attempts and poison messages", """
            CREATE TABLE scan_attempts (
                id               INTEGER PRIMARY KEY,
                tenant_id        TEXT    NOT NULL,
                mailbox          TEXT    NOT NULL,
                message_id       TEXT    NOT NULL,
                attempts         INTEGER NOT NULL,
                first_at         INTEGER NOT NULL,
                last_at          INTEGER NOT NULL,
                last_error       TEXT,
                poison_reason    TEXT,
                graph_message_id TEXT,
                action           TEXT,
                enforced         INTEGER,
                subject          TEXT,
                sender           TEXT
            );
            CREATE UNIQUE INDEX scan_attempts_by_key ON scan_attempts (tenant_id, mailbox, message_id);
            """),
        // Message leases: one run at a time acts on a message (Host/Actions/MessageLeases). A row per message being
        // acted on, deleted on release; expires_at (unix milliseconds) frees the lease of a run whose process died.
        // A new table, so existing files upgrade in place.
        new(9, "message leases", """
            CREATE TABLE message_leases (
                tenant_id  TEXT    NOT NULL,
                mailbox    TEXT    NOT NULL,
                message_id TEXT    NOT NULL,
                holder     TEXT    NOT NULL,
                expires_at INTEGER NOT NULL,
                PRIMARY KEY (tenant_id, mailbox, message_id)
            );
            """),
        // Tenant policies: every saved override is a row (the newest in force, the rest its audit trail; NULL inherits
        // the global setting), and every allow or block entry, a removed one marked rather than deleted. New tables,
        // so existing databases upgrade in place.
        new(10, "tenant policies and policy entries", """
            CREATE TABLE tenant_policies (
                tenant_id              TEXT    NOT NULL,
                changed_by             TEXT    NOT NULL,
                changed_at             INTEGER NOT NULL,
                mode                   TEXT,
                rewrite_threshold      REAL,
                quarantine_threshold   REAL,
                quarantine_established INTEGER
            );
            CREATE INDEX tenant_policies_by_tenant ON tenant_policies (tenant_id);
            CREATE TABLE policy_entries (
                id         TEXT    NOT NULL PRIMARY KEY,
                tenant_id  TEXT    NOT NULL,
                effect     TEXT    NOT NULL,
                kind       TEXT    NOT NULL,
                value      TEXT    NOT NULL,
                mailbox    TEXT,
                added_by   TEXT    NOT NULL,
                added_at   INTEGER NOT NULL,
                reason     TEXT    NOT NULL,
                removed_by TEXT,
                removed_at INTEGER
            );
            CREATE INDEX policy_entries_by_tenant ON policy_entries (tenant_id);
            """),
        // Who asked: the person (or API key) who requested a hunt, the hunt an audited action was carried out by (a
        // column of its own, so the actor stays a plain name to filter on), and who changed a tenant's state. New
        // nullable columns, so existing databases upgrade in place; hunts from the schedule and the feed were always the
        // scanner's, the API's before this step are unknown and stay null.
        new(11, "requesters of hunts, hunt ids of audit entries, tenant state changers", """
            ALTER TABLE hunts ADD COLUMN requested_by TEXT;
            UPDATE hunts SET requested_by = 'scanner' WHERE source IN ('schedule', 'feed');
            ALTER TABLE audit_entries ADD COLUMN hunt_id TEXT;
            CREATE INDEX audit_by_hunt ON audit_entries (hunt_id, at, id) WHERE hunt_id IS NOT NULL;
            CREATE INDEX audit_by_actor ON audit_entries (actor, at, id);
            ALTER TABLE tenants ADD COLUMN changed_by TEXT;
            """),
        // ASP.NET Core Data Protection's key ring (SqliteXmlRepository): one row per element the key manager stores (a
        // key, a revocation), its XML as the framework writes it, unencrypted, as the EF Core key store keeps it; the
        // database file's permissions protect it. The name is the framework's "friendly name", not promised unique.
        new(12, "data protection keys", """
            CREATE TABLE data_protection_keys (
                id         INTEGER PRIMARY KEY,
                name       TEXT    NOT NULL,
                xml        TEXT    NOT NULL,
                created_at INTEGER NOT NULL
            );
            """),
        // The console finds a message by the reference the blocked-link page quotes, its Message-ID, without knowing
        // its tenant or mailbox; the key's index starts with the tenant, so without this it is a scan of every verdict
        // (173 ms at 200,000 verdicts). A new index, so existing databases upgrade in place.
        new(13, "verdicts by Message-ID, for the console's search", """
            CREATE INDEX verdicts_by_message_id ON verdicts (message_id);
            """),
        // Users' requests to release a held message (the blocked-link page's "Request release") and the analysts'
        // decisions. The partial unique index is the rule "one open request per message", kept by the database so two
        // presses (or two hosts) cannot file two. A new table, so existing databases upgrade in place.
        new(14, "release requests", """
            CREATE TABLE release_requests (
                seq             INTEGER PRIMARY KEY,
                id              TEXT    NOT NULL UNIQUE,
                tenant_id       TEXT    NOT NULL,
                mailbox         TEXT    NOT NULL,
                message_id      TEXT    NOT NULL,
                requested_by    TEXT    NOT NULL,
                requested_at    INTEGER NOT NULL,
                note            TEXT,
                state           TEXT    NOT NULL,
                decided_by      TEXT,
                decided_at      INTEGER,
                decision_reason TEXT
            );
            CREATE UNIQUE INDEX release_requests_open ON release_requests (tenant_id, mailbox, message_id) WHERE state = 'open';
            CREATE INDEX release_requests_by_message ON release_requests (tenant_id, mailbox, message_id, seq);
            """),
        // A rewrite's copy announces itself with a "created" notification: found by its Graph id, it needs no read.
        new(15, "audit entries by the message they created", """
            CREATE INDEX audit_by_result ON audit_entries (tenant_id, mailbox, result_message_id) WHERE result_message_id IS NOT NULL;
            """),
        // Outbound alerts about flagged messages, one row per (webhook, message): the unique index is "never a second
        // alert", kept by the database so a rescan, a retried job or a restart adds nothing. The lease columns let a
        // dispatcher take due rows without another taking them too; the partial index serves "due and pending" alone.
        // A new table, so existing databases upgrade in place.
        new(16, "alert outbox", """
            CREATE TABLE alert_outbox (
                seq             INTEGER PRIMARY KEY,
                id              TEXT    NOT NULL UNIQUE,
                webhook         TEXT    NOT NULL,
                tenant_id       TEXT    NOT NULL,
                mailbox         TEXT    NOT NULL,
                message_id      TEXT    NOT NULL,
                payload         TEXT    NOT NULL,
                created_at      INTEGER NOT NULL,
                state           TEXT    NOT NULL,
                attempts        INTEGER NOT NULL,
                next_attempt_at INTEGER NOT NULL,
                last_error      TEXT,
                completed_at    INTEGER,
                lease_owner     TEXT,
                lease_until     INTEGER
            );
            CREATE UNIQUE INDEX alert_outbox_by_message ON alert_outbox (webhook, tenant_id, mailbox, message_id);
            CREATE INDEX alert_outbox_due ON alert_outbox (next_attempt_at, seq) WHERE state = 'pending';
            CREATE INDEX alert_outbox_by_state ON alert_outbox (state, seq);
            """),
        // The change feeds exporters poll (ChangeFeedSql): every write of a verdict or an audit entry takes the next
        // value of its feed's counter. Rows already here get theirs in the order they were made (verdicts by scan
        // time, entries by id), so a first export includes the history; a claim without a verdict has none.
        new(17, "change sequences of verdicts and audit entries, for exports", """
            CREATE TABLE change_counters (
                feed TEXT    NOT NULL PRIMARY KEY,
                last INTEGER NOT NULL
            );
            ALTER TABLE verdicts ADD COLUMN change_seq INTEGER;
            UPDATE verdicts SET change_seq = ordered.n
            FROM (SELECT id, row_number() OVER (ORDER BY scanned_at, id) AS n FROM verdicts WHERE scanned_at IS NOT NULL) AS ordered
            WHERE verdicts.id = ordered.id;
            INSERT INTO change_counters (feed, last) VALUES ('verdicts', (SELECT COALESCE(MAX(change_seq), 0) FROM verdicts));
            CREATE UNIQUE INDEX verdicts_by_change ON verdicts (change_seq) WHERE change_seq IS NOT NULL;
            CREATE INDEX verdicts_by_tenant_change ON verdicts (tenant_id, change_seq) WHERE change_seq IS NOT NULL;
            ALTER TABLE audit_entries ADD COLUMN change_seq INTEGER;
            UPDATE audit_entries SET change_seq = id;
            INSERT INTO change_counters (feed, last) VALUES ('audit', (SELECT COALESCE(MAX(change_seq), 0) FROM audit_entries));
            CREATE UNIQUE INDEX audit_by_change ON audit_entries (change_seq);
            CREATE INDEX audit_by_tenant_change ON audit_entries (tenant_id, change_seq);
            """),
        // Whether a held message leaves a notice in its recipient's Inbox, per saved override (NULL inherits, as the
        // other settings). A new nullable column, so existing databases upgrade in place and every saved override keeps
        // inheriting the global default (off).
        new(18, "held-message notice setting of tenant policies", """
            ALTER TABLE tenant_policies ADD COLUMN held_message_notice INTEGER;
            """),
        // Users' phish reports from each tenant's reporting mailbox and the analysts' decisions (the feedback labels).
        // The unique index is "one report per report message", kept by the database so a duplicate notification, a
        // catch-up or a second host records nothing twice. A new table, so existing databases upgrade in place.
        new(19, "phish reports", """
            CREATE TABLE phish_reports (
                seq                 INTEGER PRIMARY KEY,
                id                  TEXT    NOT NULL UNIQUE,
                tenant_id           TEXT    NOT NULL,
                report_key          TEXT    NOT NULL,
                reporter            TEXT    NOT NULL,
                reporter_verified   INTEGER NOT NULL,
                reported_at         INTEGER NOT NULL,
                original_message_id TEXT,
                original_sender     TEXT,
                original_subject    TEXT,
                links               TEXT    NOT NULL,
                notes               TEXT    NOT NULL,
                state               TEXT    NOT NULL,
                decided_by          TEXT,
                decided_at          INTEGER,
                decision_reason     TEXT,
                hunt_ids            TEXT    NOT NULL
            );
            CREATE UNIQUE INDEX phish_reports_by_report ON phish_reports (tenant_id, report_key);
            """),
    ];

    /// <summary>The version a database has once every step is applied.</summary>
    public static int LatestVersion => Migrations[^1].Version;
}
