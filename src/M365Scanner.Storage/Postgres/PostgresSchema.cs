namespace M365Scanner.Storage.Postgres;

/// <summary>The PostgreSQL schema as an ordered list of steps: the same tables as the SQLite schema, in PostgreSQL's
/// types. A later feature adds its tables by appending a step here, with the next version number.</summary>
/// <remarks>
/// <para>Key and sort columns are <c>COLLATE "C"</c>: byte order, which is the ordinal order the SQLite and
/// in-memory stores sort by whatever the database's locale is, and the cheapest comparison for B-trees.</para>
/// <para>Times are <c>timestamptz</c> (readable in psql); the stores write them truncated to milliseconds.</para>
/// </remarks>
public static class PostgresSchema
{
    /// <summary>Every step, in the order they are applied.</summary>
    public static IReadOnlyList<PostgresMigration> Migrations { get; } =
    [
        // The correspondence graph of every tenant in one table. A tenant is a small number (edge_tenants), not
        // its 36-character id, on each of millions of rows and index entries. The primary key is the only index:
        // every lookup (Read) and upsert (Add) is by the whole key, and it starts with the tenant, so one tenant's
        // graph is a contiguous range (and offboarding one range delete). Fixed-width columns first, so the row
        // needs no alignment padding between them.
        new(1, "correspondence edges", """
            CREATE TABLE edge_tenants (
                id        integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                tenant_id text COLLATE "C" NOT NULL UNIQUE
            );
            CREATE TABLE edges (
                count      bigint      NOT NULL,
                first_seen timestamptz NOT NULL,
                last_seen  timestamptz NOT NULL,
                tenant     integer     NOT NULL,
                kind       smallint    NOT NULL,
                from_key   text COLLATE "C" NOT NULL,
                to_key     text COLLATE "C" NOT NULL,
                PRIMARY KEY (tenant, kind, from_key, to_key)
            );
            """),
        // Claims and verdicts share one row per message, as in SQLite: a claim inserts it, Record fills in the
        // verdict, so "one scan per message" is one unique index and a claim one upsert. id is the order of first
        // sight, the tie-break between equal scan times; the time indexes end with it so "newest first" is an
        // index scan read backwards.
        new(2, "verdicts and scan claims", """
            CREATE TABLE verdicts (
                id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                tenant_id        text COLLATE "C" NOT NULL,
                mailbox          text COLLATE "C" NOT NULL,
                message_id       text COLLATE "C" NOT NULL,
                claim_owner      text,
                claimed_at       timestamptz,
                graph_message_id text,
                scanned_at       timestamptz,
                action           text,
                score            double precision,
                explanation      text,
                enforced         boolean,
                links_json       text,
                notes            text,
                subject          text,
                sender           text
            );
            CREATE UNIQUE INDEX verdicts_by_key ON verdicts (tenant_id, mailbox, message_id);
            CREATE INDEX verdicts_by_tenant_time ON verdicts (tenant_id, scanned_at, id);
            CREATE INDEX verdicts_by_time ON verdicts (scanned_at, id);
            """),
        // The audit log: ids from an identity sequence, never reused (a release refers to the entry it undoes).
        // "Latest for key and action" is one step down audit_by_key_action, read backwards.
        new(3, "audit log", """
            CREATE TABLE audit_entries (
                id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                at                  timestamptz NOT NULL,
                actor               text        NOT NULL,
                tenant_id           text COLLATE "C" NOT NULL,
                mailbox             text COLLATE "C" NOT NULL,
                message_id          text COLLATE "C" NOT NULL,
                action              text COLLATE "C" NOT NULL,
                state               text        NOT NULL,
                original_message_id text,
                result_message_id   text,
                reasons             text        NOT NULL,
                related_entry_id    bigint,
                updated_at          timestamptz
            );
            CREATE INDEX audit_by_key_action ON audit_entries (tenant_id, mailbox, message_id, action, id);
            CREATE INDEX audit_by_tenant_time ON audit_entries (tenant_id, at, id);
            CREATE INDEX audit_by_time ON audit_entries (at, id);
            """),
        // The hosted worker's state, baseline checkpoints included (the SQLite schema's steps 4 and 7).
        // client_state is the subscription's shared secret: protect the database, not the column.
        new(4, "worker subscriptions, delta links and baseline progress", """
            CREATE TABLE subscriptions (
                subscription_id text COLLATE "C" NOT NULL PRIMARY KEY,
                tenant_id       text COLLATE "C" NOT NULL,
                mailbox         text        NOT NULL,
                resource        text        NOT NULL,
                client_state    text        NOT NULL,
                expires_at      timestamptz NOT NULL
            );
            CREATE INDEX subscriptions_by_tenant ON subscriptions (tenant_id, expires_at, subscription_id);
            CREATE INDEX subscriptions_by_expiry ON subscriptions (expires_at, subscription_id);
            CREATE TABLE delta_links (
                tenant_id  text COLLATE "C" NOT NULL,
                mailbox    text COLLATE "C" NOT NULL,
                folder     text COLLATE "C" NOT NULL,
                delta_link text NOT NULL,
                PRIMARY KEY (tenant_id, mailbox, folder)
            );
            CREATE TABLE baseline_progress (
                tenant_id       text COLLATE "C" NOT NULL,
                mailbox         text COLLATE "C" NOT NULL,
                folder          text COLLATE "C" NOT NULL,
                since           timestamptz NOT NULL,
                until           timestamptz NOT NULL,
                boundary        timestamptz,
                ids_at_boundary text[]      NOT NULL,
                learned         bigint      NOT NULL,
                pages           bigint      NOT NULL,
                completed       boolean     NOT NULL,
                updated_at      timestamptz NOT NULL,
                PRIMARY KEY (tenant_id, mailbox, folder)
            );
            """),
        // Onboarding. Tenant ids compare without regard to case (SQLite's COLLATE NOCASE): the key column holds
        // the lower-cased id, tenant_id the id as first saved. Pending consents hold hashes only.
        new(5, "onboarded tenants and pending consents", """
            CREATE TABLE tenants (
                tenant_key    text COLLATE "C" NOT NULL PRIMARY KEY,
                tenant_id     text        NOT NULL,
                state         text        NOT NULL,
                consented_at  timestamptz,
                granted_roles text        NOT NULL,
                problem       text
            );
            CREATE TABLE tenant_mailboxes (
                tenant_key text COLLATE "C" NOT NULL,
                mailbox    text COLLATE "C" NOT NULL,
                PRIMARY KEY (tenant_key, mailbox)
            );
            CREATE TABLE pending_consents (
                state_hash   text        NOT NULL PRIMARY KEY,
                browser_hash text        NOT NULL,
                expires_at   timestamptz NOT NULL
            );
            CREATE INDEX pending_consents_by_expiry ON pending_consents (expires_at);
            """),
        // Hunt reports; seq is the save order of first insert, the tie-break between equal creation times.
        new(6, "hunt reports", """
            CREATE TABLE hunts (
                id            text COLLATE "C" NOT NULL PRIMARY KEY,
                seq           bigint GENERATED ALWAYS AS IDENTITY,
                kind          text COLLATE "C" NOT NULL,
                indicator     text COLLATE "C",
                tenant_id     text,
                window_hours  integer     NOT NULL,
                act           boolean     NOT NULL,
                source        text COLLATE "C" NOT NULL,
                state         text COLLATE "C" NOT NULL,
                created_at    timestamptz NOT NULL,
                started_at    timestamptz,
                finished_at   timestamptz,
                mailboxes     integer     NOT NULL,
                messages      integer     NOT NULL,
                acted_on      integer     NOT NULL,
                matches_json  text        NOT NULL,
                errors_json   text        NOT NULL
            );
            CREATE INDEX hunts_by_time ON hunts (created_at, seq);
            CREATE INDEX hunts_by_indicator ON hunts (indicator, source, created_at, seq);
            """),
        // Scan attempts and poison marks, as in SQLite (its step 8): a row while a message has an attempt under way or
        // is marked poison (poison_reason set), deleted when its scan ends with a verdict. id is the order of first
        // sight, the tie-break between equal times. A new table, so existing databases upgrade in place.
        new(7, "scan attempts and poison messages", """
            CREATE TABLE scan_attempts (
                id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                tenant_id        text COLLATE "C" NOT NULL,
                mailbox          text COLLATE "C" NOT NULL,
                message_id       text COLLATE "C" NOT NULL,
                attempts         integer     NOT NULL,
                first_at         timestamptz NOT NULL,
                last_at          timestamptz NOT NULL,
                last_error       text,
                poison_reason    text,
                graph_message_id text,
                action           text,
                enforced         boolean,
                subject          text,
                sender           text
            );
            CREATE UNIQUE INDEX scan_attempts_by_key ON scan_attempts (tenant_id, mailbox, message_id);
            """),
        // Message leases, as in SQLite (its step 9): a row per message being acted on, deleted on release; expires_at
        // frees the lease of a run whose host died. A new table, so existing databases upgrade in place.
        new(8, "message leases", """
            CREATE TABLE message_leases (
                tenant_id  text COLLATE "C" NOT NULL,
                mailbox    text COLLATE "C" NOT NULL,
                message_id text COLLATE "C" NOT NULL,
                holder     text        NOT NULL,
                expires_at timestamptz NOT NULL,
                PRIMARY KEY (tenant_id, mailbox, message_id)
            );
            """),
        // Tenant policies and policy entries, as in SQLite (its step 10); seq is the order of saving. New tables, so
        // existing databases upgrade in place.
        new(9, "tenant policies and policy entries", """
            CREATE TABLE tenant_policies (
                seq                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                tenant_id              text COLLATE "C" NOT NULL,
                changed_by             text        NOT NULL,
                changed_at             timestamptz NOT NULL,
                mode                   text COLLATE "C",
                rewrite_threshold      double precision,
                quarantine_threshold   double precision,
                quarantine_established boolean
            );
            CREATE INDEX tenant_policies_by_tenant ON tenant_policies (tenant_id, seq);
            CREATE TABLE policy_entries (
                id         text COLLATE "C" NOT NULL PRIMARY KEY,
                seq        bigint GENERATED ALWAYS AS IDENTITY,
                tenant_id  text COLLATE "C" NOT NULL,
                effect     text COLLATE "C" NOT NULL,
                kind       text COLLATE "C" NOT NULL,
                value      text        NOT NULL,
                mailbox    text,
                added_by   text        NOT NULL,
                added_at   timestamptz NOT NULL,
                reason     text        NOT NULL,
                removed_by text,
                removed_at timestamptz
            );
            CREATE INDEX policy_entries_by_tenant ON policy_entries (tenant_id, seq);
            """),
        // Who asked, as in SQLite (its step 11): the requester of a hunt, the hunt an audited action was carried out by
        // (a column of its own, so the actor stays a plain name to filter on), who changed a tenant's state. Nullable
        // columns, so existing databases upgrade in place.
        new(10, "requesters of hunts, hunt ids of audit entries, tenant state changers", """
            ALTER TABLE hunts ADD COLUMN requested_by text;
            UPDATE hunts SET requested_by = 'scanner' WHERE source IN ('schedule', 'feed');
            ALTER TABLE audit_entries ADD COLUMN hunt_id text COLLATE "C";
            CREATE INDEX audit_by_hunt ON audit_entries (hunt_id, at, id) WHERE hunt_id IS NOT NULL;
            CREATE INDEX audit_by_actor ON audit_entries (actor, at, id);
            ALTER TABLE tenants ADD COLUMN changed_by text;
            """),
        // ASP.NET Core Data Protection's key ring, shared by every host (PostgresXmlRepository), as in SQLite (its step
        // 12): one row per element the key manager stores (a key, a revocation), its XML unencrypted, as the EF Core key
        // store keeps it; the database's access control protects it.
        new(11, "data protection keys", """
            CREATE TABLE data_protection_keys (
                id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                name       text        NOT NULL,
                xml        text        NOT NULL,
                created_at timestamptz NOT NULL
            );
            """),
        // Verdicts by Message-ID alone, as in SQLite (its step 13): the console's search by the blocked-link page's
        // reference knows neither tenant nor mailbox. A new index, so existing databases upgrade in place.
        new(12, "verdicts by Message-ID, for the console's search", """
            CREATE INDEX verdicts_by_message_id ON verdicts (message_id);
            """),
        // Release requests, as in SQLite (its step 14): the partial unique index keeps one open request per message
        // across every host. A new table, so existing databases upgrade in place.
        new(13, "release requests", """
            CREATE TABLE release_requests (
                seq             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id              text COLLATE "C" NOT NULL UNIQUE,
                tenant_id       text COLLATE "C" NOT NULL,
                mailbox         text COLLATE "C" NOT NULL,
                message_id      text COLLATE "C" NOT NULL,
                requested_by    text        NOT NULL,
                requested_at    timestamptz NOT NULL,
                note            text,
                state           text COLLATE "C" NOT NULL,
                decided_by      text,
                decided_at      timestamptz,
                decision_reason text
            );
            CREATE UNIQUE INDEX release_requests_open ON release_requests (tenant_id, mailbox, message_id) WHERE state = 'open';
            CREATE INDEX release_requests_by_message ON release_requests (tenant_id, mailbox, message_id, seq);
            """),
        // A rewrite's copy announces itself with a "created" notification: found by its Graph id, it needs no read.
        new(14, "audit entries by the message they created", """
            CREATE INDEX audit_by_result ON audit_entries (tenant_id, mailbox, result_message_id) WHERE result_message_id IS NOT NULL;
            """),
        // The alert outbox, as in SQLite: the unique index keeps one alert per (webhook, message) across
        // every host; claims pick due rows FOR UPDATE SKIP LOCKED and lease them. A new table, so existing databases
        // upgrade in place.
        new(15, "alert outbox", """
            CREATE TABLE alert_outbox (
                seq             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id              text COLLATE "C" NOT NULL UNIQUE,
                webhook         text COLLATE "C" NOT NULL,
                tenant_id       text COLLATE "C" NOT NULL,
                mailbox         text COLLATE "C" NOT NULL,
                message_id      text COLLATE "C" NOT NULL,
                payload         text        NOT NULL,
                created_at      timestamptz NOT NULL,
                state           text COLLATE "C" NOT NULL,
                attempts        integer     NOT NULL,
                next_attempt_at timestamptz NOT NULL,
                last_error      text,
                completed_at    timestamptz,
                lease_owner     text,
                lease_until     timestamptz
            );
            CREATE UNIQUE INDEX alert_outbox_by_message ON alert_outbox (webhook, tenant_id, mailbox, message_id);
            CREATE INDEX alert_outbox_due ON alert_outbox (next_attempt_at, seq) WHERE state = 'pending';
            CREATE INDEX alert_outbox_by_state ON alert_outbox (state, seq);
            """),
        // The change feeds exporters poll, as in SQLite. Not a sequence: a write takes its value by
        // updating its feed's counter row in its own statement and holds that row until it commits, so values are
        // handed out in commit order across hosts (PostgresChangeFeed says why that matters). Rows already here get
        // theirs in the order they were made, so a first export includes the history.
        new(16, "change sequences of verdicts and audit entries, for exports", """
            CREATE TABLE change_counters (
                feed text COLLATE "C" NOT NULL PRIMARY KEY,
                last bigint NOT NULL
            );
            ALTER TABLE verdicts ADD COLUMN change_seq bigint;
            UPDATE verdicts SET change_seq = ordered.n
            FROM (SELECT id, row_number() OVER (ORDER BY scanned_at, id) AS n FROM verdicts WHERE scanned_at IS NOT NULL) AS ordered
            WHERE verdicts.id = ordered.id;
            INSERT INTO change_counters (feed, last) VALUES ('verdicts', (SELECT COALESCE(MAX(change_seq), 0) FROM verdicts));
            CREATE UNIQUE INDEX verdicts_by_change ON verdicts (change_seq) WHERE change_seq IS NOT NULL;
            CREATE INDEX verdicts_by_tenant_change ON verdicts (tenant_id, change_seq) WHERE change_seq IS NOT NULL;
            ALTER TABLE audit_entries ADD COLUMN change_seq bigint;
            UPDATE audit_entries SET change_seq = id;
            INSERT INTO change_counters (feed, last) VALUES ('audit', (SELECT COALESCE(MAX(change_seq), 0) FROM audit_entries));
            CREATE UNIQUE INDEX audit_by_change ON audit_entries (change_seq);
            CREATE INDEX audit_by_tenant_change ON audit_entries (tenant_id, change_seq);
            """),
        // The held-message notice setting, as in SQLite: a nullable column, NULL inherits.
        new(17, "held-message notice setting of tenant policies", """
            ALTER TABLE tenant_policies ADD COLUMN held_message_notice boolean;
            """),
        // Phish reports, as in SQLite: the unique index keeps one report per report message across every
        // host. A new table, so existing databases upgrade in place.
        new(18, "phish reports", """
            CREATE TABLE phish_reports (
                seq                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id                  text COLLATE "C" NOT NULL UNIQUE,
                tenant_id           text COLLATE "C" NOT NULL,
                report_key          text COLLATE "C" NOT NULL,
                reporter            text        NOT NULL,
                reporter_verified   boolean     NOT NULL,
                reported_at         timestamptz NOT NULL,
                original_message_id text,
                original_sender     text,
                original_subject    text,
                links               text        NOT NULL,
                notes               text        NOT NULL,
                state               text COLLATE "C" NOT NULL,
                decided_by          text,
                decided_at          timestamptz,
                decision_reason     text,
                hunt_ids            text        NOT NULL
            );
            CREATE UNIQUE INDEX phish_reports_by_report ON phish_reports (tenant_id, report_key);
            """),
    ];

    /// <summary>The version a database has once every step is applied.</summary>
    public static int LatestVersion => Migrations[^1].Version;
}
