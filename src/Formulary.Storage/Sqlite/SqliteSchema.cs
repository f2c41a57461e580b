using Microsoft.Data.Sqlite;

namespace Formulary.Storage.Sqlite;

/// <summary>
/// Schema migrations, numbered by <c>PRAGMA user_version</c>: migration N brings version N-1 to N and
/// runs in one transaction with the version bump. Append new migrations; never edit an applied one.
/// A database newer than this code is refused rather than guessed at.
/// </summary>
internal static class SqliteSchema
{
    private static readonly SqliteMigration[] Migrations =
    [
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            collection TEXT NOT NULL,
            slug TEXT NOT NULL,
            latest_version INTEGER NOT NULL,
            removed_at TEXT NULL,
            title TEXT NOT NULL,
            names TEXT NOT NULL,
            body_text TEXT NOT NULL,
            link_collection TEXT NULL,
            link_slug TEXT NULL,
            summary_json TEXT NOT NULL,
            UNIQUE (collection, slug)
        );
        CREATE INDEX documents_link ON documents (link_collection, link_slug);
        CREATE TABLE versions (
            document_id INTEGER NOT NULL REFERENCES documents (id),
            version INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            source_path TEXT NOT NULL,
            source_text TEXT NOT NULL,
            model_json TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            PRIMARY KEY (document_id, version)
        );
        CREATE VIRTUAL TABLE search USING fts5 (
            title, names, body,
            tokenize = 'unicode61 remove_diacritics 2',
            prefix = '2 3 4'
        );
        CREATE VIRTUAL TABLE search_vocabulary USING fts5vocab (search, 'col');
        CREATE TABLE store_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
        INSERT INTO store_meta (key, value) VALUES ('generation', 0);
        """,
        """
        ALTER TABLE versions RENAME COLUMN model_json TO model;
        """,
        // 3: the parser version (MonographParser.ModelVersion) that produced each stored model; 0 = before
        // this was recorded, so the first import after the upgrade re-parses everything once.
        """
        ALTER TABLE versions ADD COLUMN model_version INTEGER NOT NULL DEFAULT 0;
        """,
        // 4: a covering index for search ranking (documents rows are large: they carry the body text).
        """
        CREATE INDEX documents_rank ON documents (id, collection, slug);
        """,
        // 5: rejected versions (a version with errors of its own is kept, never published: latest_version is
        // the newest published one, head_version the newest of any), rules files versioned with their
        // monograph, and each document's links and cross-document fingerprint for incremental imports.
        // Every model is marked for one re-parse so the new columns are filled.
        """
        ALTER TABLE documents ADD COLUMN head_version INTEGER NOT NULL DEFAULT 0;
        UPDATE documents SET head_version = latest_version;
        ALTER TABLE documents ADD COLUMN links_json TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE documents ADD COLUMN cross_key TEXT NOT NULL DEFAULT '';
        ALTER TABLE versions ADD COLUMN rejected INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE versions ADD COLUMN rules_path TEXT NULL;
        ALTER TABLE versions ADD COLUMN rules_text TEXT NULL;
        UPDATE versions SET model_version = 0;
        """,
        // 6: names for exact-match ranking and suggestions as you type (Search/SearchName.cs); filled
        // by the index refresh, and for an older database on open (SqliteSearchIndex.BackfillNames).
        """
        CREATE TABLE search_names (folded TEXT NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL, kind INTEGER NOT NULL, id INTEGER NOT NULL);
        CREATE INDEX search_names_folded ON search_names (folded, kind, id);
        CREATE INDEX search_names_key ON search_names (key, id);
        CREATE INDEX search_names_id ON search_names (id);
        """,
        // 7: the CDS Hooks cards issued and the feedback on them (Feedback/ICardFeedbackStore.cs). No patient
        // identifier is kept. A retried call or feedback is recognised by its key and not counted twice.
        """
        CREATE TABLE cds_cards (uuid TEXT PRIMARY KEY, service TEXT NOT NULL, kind TEXT NOT NULL, indicator TEXT NOT NULL, slug TEXT NULL, issued_at TEXT NOT NULL);
        CREATE INDEX cds_cards_kind ON cds_cards (kind, indicator);
        CREATE TABLE cds_feedback (
            id INTEGER PRIMARY KEY,
            card_uuid TEXT NOT NULL,
            service TEXT NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'overridden')),
            accepted_suggestions TEXT NOT NULL,
            reason_system TEXT NULL,
            reason_code TEXT NULL,
            reason_display TEXT NULL,
            user_comment TEXT NULL,
            outcome_at TEXT NOT NULL,
            received_at TEXT NOT NULL,
            UNIQUE (card_uuid, outcome, outcome_at));
        """,
        // 8: the A-Z listing (Browsing/BrowseLetter.cs: a folded sort key and its letter, filled by the
        // import and for an older database on open, StoreBrowse.BackfillAsync) over a partial index of
        // live documents, and recent changes in import order.
        """
        ALTER TABLE documents ADD COLUMN browse_key TEXT NULL;
        ALTER TABLE documents ADD COLUMN browse_letter TEXT NULL;
        CREATE INDEX documents_browse ON documents (collection, browse_letter, browse_key, slug) WHERE removed_at IS NULL AND latest_version > 0;
        CREATE INDEX versions_recent ON versions (imported_at, version, document_id);
        """,
        // 9: search lands on sections and knows indications (Search/SearchSegment.cs, Search/IndicationSections.cs):
        // each document's body segments and its indications text, indexed as a column of its own (an FTS5
        // table cannot gain a column, so it is rebuilt from the stored fields, indications empty). Every
        // model is marked for one re-parse, so the next import fills both for every document.
        """
        ALTER TABLE documents ADD COLUMN indications TEXT NOT NULL DEFAULT '';
        ALTER TABLE documents ADD COLUMN sections_json TEXT NOT NULL DEFAULT '[]';
        DROP TABLE search_vocabulary;
        DROP TABLE search;
        CREATE VIRTUAL TABLE search USING fts5 (
            title, names, indications, body,
            tokenize = 'unicode61 remove_diacritics 2',
            prefix = '2 3 4'
        );
        CREATE VIRTUAL TABLE search_vocabulary USING fts5vocab (search, 'col');
        INSERT INTO search (rowid, title, names, indications, body)
        SELECT d.id, d.title,
               d.names || char(10) || coalesce((SELECT group_concat(b.title, char(10)) FROM documents b
                   WHERE b.link_collection = d.collection AND b.link_slug = d.slug AND b.removed_at IS NULL), ''),
               '', d.body_text
        FROM documents d WHERE d.removed_at IS NULL AND d.latest_version > 0;
        UPDATE versions SET model_version = 0;
        """,
        // 10: the words of published names for "did you mean", kept by the import (Relational/StoreNameTerms.cs)
        // instead of a walk of the whole FTS5 vocabulary (seconds at 100,000 documents); filled here from
        // the names table, whose rows start at every word of every name.
        """
        CREATE TABLE name_terms (term TEXT PRIMARY KEY, documents INTEGER NOT NULL) WITHOUT ROWID;
        INSERT INTO name_terms (term, documents)
        SELECT word, count(DISTINCT id) FROM (
            SELECT CASE WHEN instr(folded, ' ') > 0 THEN substr(folded, 1, instr(folded, ' ') - 1) ELSE folded END AS word, id
            FROM search_names)
        WHERE word <> '' GROUP BY word;
        DROP TABLE search_vocabulary;
        """,
        // 11: each document's collection in its full-text rowid (Sqlite/SqliteSearchIndex.CollectionStride:
        // id + collection rank * 2^40), so search counts per collection and ranks one collection's rows
        // without a join per match; the index is rebuilt with the same text under the new rowids.
        """
        CREATE VIRTUAL TABLE search_by_collection USING fts5 (
            title, names, indications, body,
            tokenize = 'unicode61 remove_diacritics 2',
            prefix = '2 3 4'
        );
        INSERT INTO search_by_collection (rowid, title, names, indications, body)
        SELECT s.rowid + (CASE d.collection WHEN 'compositions' THEN 0 WHEN 'combinations' THEN 1 ELSE 2 END) * 1099511627776,
               s.title, s.names, s.indications, s.body
        FROM search s JOIN documents d ON d.id = s.rowid
        ORDER BY 1;
        DROP TABLE search;
        ALTER TABLE search_by_collection RENAME TO search;
        """,
        // 12: each text stored once (ADR 0003). The full-text index keeps no copy of the text it indexes
        // (contentless, SQLite ≥ 3.43 for contentless_delete: a row is deleted by rowid, without its old
        // text); the text is in documents, and snippets are built from there. Rebuilt from the old index's
        // own copy, read this one last time. Then every version's source text is Brotli-packed (PackSources).
        new SqliteMigration(
            """
            CREATE VIRTUAL TABLE search_contentless USING fts5 (
                title, names, indications, body,
                content = '', contentless_delete = 1,
                tokenize = 'unicode61 remove_diacritics 2',
                prefix = '2 3 4'
            );
            INSERT INTO search_contentless (rowid, title, names, indications, body)
            SELECT rowid, title, names, indications, body FROM search ORDER BY rowid;
            DROP TABLE search;
            ALTER TABLE search_contentless RENAME TO search;
            """,
            PackSources),
        // 13: what an import compares each file with (Importing/StoredState.Sql) in indexes of their own: the
        // document's slug, versions, links and title, and its head version's hash, parser version, path, time and
        // rejection. In the tables these columns sit beside the body text, the packed source and the model, so
        // the state query read most of the file (at 100,000 documents, ~1 s of a 3 s budget); the indexes hold
        // ~200 bytes a document.
        """
        CREATE INDEX versions_state ON versions (document_id, version, content_hash, model_version, rejected, imported_at, source_path);
        CREATE INDEX documents_state ON documents (id, collection, slug, latest_version, head_version, removed_at, link_collection, link_slug, cross_key, title, links_json);
        """,
        // 14: the generation at which each document's search entry last changed (set by the index refresh, with the
        // import's new generation), so a node's in-process index (Indexing/SearchIndex.cs) reads only the documents
        // changed since the generation it holds. 0: before this column; a new index reads everything anyway.
        """
        ALTER TABLE documents ADD COLUMN changed_generation INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX documents_changed ON documents (changed_generation);
        """,
        // 15: per document, the stamp (size, modification and change times in nanoseconds, inode) of its files when bytes
        // with content_hash were last read from them, and a time taken before that (ADR 0003, "Unchanged files are not
        // read"): an import whose stamps are equal and not racy does not read the files again. Rules columns are NULL
        // when the document has no rules file. Empty at first: the next import reads every file, as before, and fills it.
        """
        CREATE TABLE source_stamps (
            document_id INTEGER PRIMARY KEY REFERENCES documents (id),
            content_hash TEXT NOT NULL,
            size INTEGER NOT NULL,
            modified_ns INTEGER NOT NULL,
            changed_ns INTEGER NOT NULL,
            inode INTEGER NOT NULL,
            rules_size INTEGER NULL,
            rules_modified_ns INTEGER NULL,
            rules_changed_ns INTEGER NULL,
            rules_inode INTEGER NULL,
            checked_at_ns INTEGER NOT NULL
        );
        """,
        // 16: a published version's sections rendered to HTML at import (Versions/StoredSections, Brotli-packed JSON with
        // the renderer's version), read by the static export instead of rendering every section's Markdown again
        // (ADR 0004 decision 9). NULL for versions stored before, and for rejected ones: those are rendered when read.
        """
        ALTER TABLE versions ADD COLUMN sections_html BLOB NULL;
        """,
        // 17: store_meta may hold 'listing', the digest of the content listing the last import through one covered
        // (ImportOptions.ListingDigest; ADR 0003, "Nothing changed"). Nothing to add: the version keeps a Formulary that
        // would write without keeping that digest true (every import that writes outside a listing forgets it) from
        // writing to a store that holds one.
        """
        DELETE FROM store_meta WHERE key = 'listing';
        """,
        // 18: the full-text index rebuilt from the stored fields (as in 11; the same fields as the index refresh writes) with
        // prefix indexes of 3 and 4 letters only: no query asks FTS5 for a shorter prefix (Search/SearchTerms.IsPrefix, words
        // under SearchLimits.MinPrefixChars match whole words), and the 2-letter one was a third of the index. It gathers up
        // to 32 MB of new entries in memory before it writes them as a segment (FTS5's 'hashsize', kept in search_config;
        // 1 MB by default made a 100,000-document import write hundreds of small segments and merge them again). Together:
        // indexing 100,000 documents 11.1-11.8 s -> 5.6-5.7 s, the index 303 -> 234 MB (BENCHMARKS.md, session 24).
        """
        CREATE VIRTUAL TABLE search_rebuilt USING fts5 (
            title, names, indications, body,
            content = '', contentless_delete = 1,
            tokenize = 'unicode61 remove_diacritics 2',
            prefix = '3 4'
        );
        INSERT INTO search_rebuilt (search_rebuilt, rank) VALUES ('hashsize', 33554432);
        INSERT INTO search_rebuilt (rowid, title, names, indications, body)
        SELECT d.id + (CASE d.collection WHEN 'compositions' THEN 0 WHEN 'combinations' THEN 1 ELSE 2 END) * 1099511627776, d.title,
               d.names || char(10) || coalesce((SELECT group_concat(b.title, char(10)) FROM documents b
                   WHERE b.link_collection = d.collection AND b.link_slug = d.slug AND b.removed_at IS NULL), ''),
               d.indications, d.body_text
        FROM documents d WHERE d.removed_at IS NULL AND d.latest_version > 0
        ORDER BY 1;
        DROP TABLE search;
        ALTER TABLE search_rebuilt RENAME TO search;
        """,
    ];

    public static int LatestVersion => Migrations.Length;

    /// <param name="targetVersion">Stop at this version (tests build old databases with it); default: the latest.</param>
    /// <returns>How many migrations this call applied.</returns>
    public static int Migrate(SqliteConnection connection, int? targetVersion = null)
    {
        var applied = 0;
        var current = UserVersion(connection);
        if (current > Migrations.Length)
        {
            throw new InvalidOperationException(
                $"the database has schema version {current}, newer than this Formulary understands ({Migrations.Length}); use a newer Formulary");
        }

        for (var version = current + 1; version <= (targetVersion ?? Migrations.Length); version++)
        {
            // BEGIN IMMEDIATE takes the write lock, so two processes opening a new file migrate once.
            using var transaction = connection.BeginTransaction(deferred: false);
            if (UserVersion(connection, transaction) >= version)
            {
                continue;
            }

            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Migrations[version - 1].Sql + $"\nPRAGMA user_version = {version};";
            command.ExecuteNonQuery();
            Migrations[version - 1].Code?.Invoke(connection, transaction);
            transaction.Commit();
            applied++;
        }

        return applied;
    }

    public static int UserVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Packs the plain source texts (schema ≤ 11) a thousand rows at a time, so memory stays bounded.</summary>
    private static void PackSources(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT rowid, source_text FROM versions WHERE rowid > $after AND typeof(source_text) = 'text' ORDER BY rowid LIMIT 1000";
        var after = read.Parameters.Add("$after", SqliteType.Integer);
        using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = "UPDATE versions SET source_text = $packed WHERE rowid = $rowid";
        var packed = write.Parameters.Add("$packed", SqliteType.Blob);
        var rowid = write.Parameters.Add("$rowid", SqliteType.Integer);
        var batch = new List<(long Rowid, string Text)>();
        after.Value = 0L;
        do
        {
            batch.Clear();
            using (var reader = read.ExecuteReader())
            {
                while (reader.Read())
                {
                    batch.Add((reader.GetInt64(0), reader.GetString(1)));
                }
            }

            foreach (var (id, text) in batch)
            {
                (rowid.Value, packed.Value) = (id, SqliteBrotli.PackText(text));
                write.ExecuteNonQuery();
            }

            after.Value = batch.Count > 0 ? batch[^1].Rowid : after.Value;
        }
        while (batch.Count > 0);
    }
}
