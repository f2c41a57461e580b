using Npgsql;

namespace Formulary.Storage.Postgres;

/// <summary>
/// Schema migrations for PostgreSQL, numbered in <c>schema_version</c> within the connection's current
/// schema (first of its search path), each applied in one transaction under an advisory lock so
/// concurrent openers migrate once. pg_trgm and unaccent come with Debian's postgresql package
/// (contrib); they are installed into <c>public</c>, which must stay on the search path.
/// </summary>
internal static class PostgresSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TEXT SEARCH CONFIGURATION formulary_search (COPY = pg_catalog.simple);
        ALTER TEXT SEARCH CONFIGURATION formulary_search
            ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, pg_catalog.simple;
        CREATE TABLE documents (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            collection text NOT NULL,
            slug text NOT NULL,
            latest_version integer NOT NULL,
            removed_at timestamptz NULL,
            title text NOT NULL,
            names text NOT NULL,
            body_text text NOT NULL,
            link_collection text NULL,
            link_slug text NULL,
            summary_json text NOT NULL,
            search_vector tsvector NULL,
            names_vector tsvector NULL,
            UNIQUE (collection, slug)
        );
        CREATE INDEX documents_search ON documents USING gin (search_vector);
        CREATE INDEX documents_link ON documents (link_collection, link_slug);
        CREATE TABLE versions (
            document_id bigint NOT NULL REFERENCES documents (id),
            version integer NOT NULL,
            content_hash text NOT NULL,
            source_path text NOT NULL,
            source_text text NOT NULL,
            model_json text NOT NULL,
            imported_at timestamptz NOT NULL,
            PRIMARY KEY (document_id, version)
        );
        CREATE TABLE name_terms (term text PRIMARY KEY);
        CREATE INDEX name_terms_trigram ON name_terms USING gin (term public.gin_trgm_ops);
        """,
        // 2: the parser version (MonographParser.ModelVersion) that produced each stored model; 0 = before
        // this was recorded, so the first import after the upgrade re-parses everything once.
        """
        ALTER TABLE versions ADD COLUMN model_version integer NOT NULL DEFAULT 0;
        """,
        // 3: as SQLite 5 (rejected versions, head_version, rules, links and cross-document fingerprint), the
        // model column named as in SQLite so both share their SQL, and the store generation.
        """
        ALTER TABLE versions RENAME COLUMN model_json TO model;
        ALTER TABLE documents ADD COLUMN head_version integer NOT NULL DEFAULT 0;
        UPDATE documents SET head_version = latest_version;
        ALTER TABLE documents ADD COLUMN links_json text NOT NULL DEFAULT '[]';
        ALTER TABLE documents ADD COLUMN cross_key text NOT NULL DEFAULT '';
        ALTER TABLE versions ADD COLUMN rejected boolean NOT NULL DEFAULT false;
        ALTER TABLE versions ADD COLUMN rules_path text NULL;
        ALTER TABLE versions ADD COLUMN rules_text text NULL;
        UPDATE versions SET model_version = 0;
        CREATE TABLE store_meta (key text PRIMARY KEY, value bigint NOT NULL);
        INSERT INTO store_meta (key, value) VALUES ('generation', 0);
        """,
        // 4: names for exact-match ranking and suggestions as you type (Search/SearchName.cs); filled by
        // the index refresh, and for an older database on open (PostgresSearchIndex.BackfillNamesAsync).
        // folded compares in "C" order, so a prefix is one B-tree range whatever the database collation.
        """
        CREATE TABLE search_names (folded text COLLATE "C" NOT NULL, key text NOT NULL, name text NOT NULL, kind integer NOT NULL, id bigint NOT NULL);
        CREATE INDEX search_names_folded ON search_names (folded, kind, id);
        CREATE INDEX search_names_key ON search_names (key, id);
        CREATE INDEX search_names_id ON search_names (id);
        """,
        // 5: the CDS Hooks cards issued and the feedback on them (Feedback/ICardFeedbackStore.cs). No patient
        // identifier is kept. A retried call or feedback is recognised by its key and not counted twice.
        """
        CREATE TABLE cds_cards (uuid text PRIMARY KEY, service text NOT NULL, kind text NOT NULL, indicator text NOT NULL, slug text NULL, issued_at timestamptz NOT NULL);
        CREATE INDEX cds_cards_kind ON cds_cards (kind, indicator);
        CREATE TABLE cds_feedback (
            id bigserial PRIMARY KEY,
            card_uuid text NOT NULL,
            service text NOT NULL,
            outcome text NOT NULL CHECK (outcome IN ('accepted', 'overridden')),
            accepted_suggestions text NOT NULL,
            reason_system text NULL,
            reason_code text NULL,
            reason_display text NULL,
            user_comment text NULL,
            outcome_at timestamptz NOT NULL,
            received_at timestamptz NOT NULL,
            UNIQUE (card_uuid, outcome, outcome_at));
        """,
        // 6: as SQLite 8, the A-Z listing and recent changes; the key compares in "C" order, as SQLite's BINARY.
        """
        ALTER TABLE documents ADD COLUMN browse_key text COLLATE "C" NULL;
        ALTER TABLE documents ADD COLUMN browse_letter text NULL;
        CREATE INDEX documents_browse ON documents (collection, browse_letter, browse_key, slug COLLATE "C") WHERE removed_at IS NULL AND latest_version > 0;
        CREATE INDEX versions_recent ON versions (imported_at, version, document_id);
        """,
        // 7: as SQLite 9, each document's body segments and indications text (weight C of search_vector);
        // every model is marked for one re-parse, so the next import fills both.
        """
        ALTER TABLE documents ADD COLUMN indications text NOT NULL DEFAULT '';
        ALTER TABLE documents ADD COLUMN sections_json text NOT NULL DEFAULT '[]';
        UPDATE versions SET model_version = 0;
        """,
        // 8: as SQLite 10, the words of published names counted per document and kept by the import
        // (Relational/StoreNameTerms.cs) instead of ts_stat over every document on each import; the
        // correction reads them as SQLite does, so the trigram index is no longer used.
        """
        DROP INDEX name_terms_trigram;
        DELETE FROM name_terms;
        ALTER TABLE name_terms ADD COLUMN documents integer NOT NULL;
        INSERT INTO name_terms (term, documents)
        SELECT split_part(folded, ' ', 1), count(DISTINCT id) FROM search_names WHERE split_part(folded, ' ', 1) <> '' GROUP BY 1;
        """,
        // 9: as SQLite 14, the generation at which each document's search entry last changed, for the in-process index.
        """
        ALTER TABLE documents ADD COLUMN changed_generation bigint NOT NULL DEFAULT 0;
        CREATE INDEX documents_changed ON documents (changed_generation);
        """,
        // 10: as SQLite 15, each document's file stamps when its bytes were last read, so an unchanged file is not read again.
        """
        CREATE TABLE source_stamps (
            document_id bigint PRIMARY KEY REFERENCES documents (id),
            content_hash text NOT NULL,
            size bigint NOT NULL,
            modified_ns bigint NOT NULL,
            changed_ns bigint NOT NULL,
            inode bigint NOT NULL,
            rules_size bigint NULL,
            rules_modified_ns bigint NULL,
            rules_changed_ns bigint NULL,
            rules_inode bigint NULL,
            checked_at_ns bigint NOT NULL
        );
        """,
        // 11: as SQLite 16, a published version's sections rendered at import (JSON text; TOAST compresses it).
        """
        ALTER TABLE versions ADD COLUMN sections_html text NULL;
        """,
        // 12: as SQLite 17, store_meta may hold 'listing', the digest of the last imported listing; older code must not write.
        """
        DELETE FROM store_meta WHERE key = 'listing';
        """,
    ];

    public static int LatestVersion => Migrations.Length;

    /// <param name="targetVersion">Stop at this version (tests build old databases with it); default: the latest.</param>
    /// <returns>How many migrations this call applied.</returns>
    public static async Task<int> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken, int? targetVersion = null)
    {
        var applied = 0;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(
            connection,
            """
            SELECT pg_advisory_xact_lock(7261534);
            CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
            CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
            CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL);
            """,
            cancellationToken);
        await using (var read = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_version", connection))
        {
            var current = (int)(await read.ExecuteScalarAsync(cancellationToken))!;
            if (current > Migrations.Length)
            {
                throw new InvalidOperationException(
                    $"the database has schema version {current}, newer than this Formulary understands ({Migrations.Length}); use a newer Formulary");
            }

            for (var version = current + 1; version <= (targetVersion ?? Migrations.Length); version++)
            {
                await ExecuteAsync(connection, Migrations[version - 1] + $"\nINSERT INTO schema_version (version) VALUES ({version});", cancellationToken);
                applied++;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
