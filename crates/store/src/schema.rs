//! The schema and its migrations. `PRAGMA user_version` holds the number of migrations applied;
//! each migration runs in its own transaction, so a store is always at one version.

use rusqlite::Connection;

use crate::StoreError;

/// Migrations in order; never edit one that has shipped, add a new one.
pub(crate) const MIGRATIONS: &[&str] = &[
    // 1: documents, sentences, entities, events with arguments, near-duplicate bands, search index.
    r#"
    CREATE TABLE documents (
        rowid       INTEGER PRIMARY KEY,
        id          TEXT NOT NULL UNIQUE,      -- xxh3-128 of the text, hex
        source      TEXT NOT NULL,             -- where it came from: file name, URL, JSONL id
        outlet      TEXT,
        url         TEXT,
        title       TEXT,
        published   TEXT,                      -- YYYY-MM-DD, given or read from the text
        text        TEXT NOT NULL,
        ingested_at TEXT NOT NULL,
        minhash     BLOB,
        dup_of      INTEGER NOT NULL,          -- rowid of the first document of its near-duplicate cluster
        similarity  REAL,                      -- estimated Jaccard similarity to dup_of
        record      TEXT NOT NULL              -- the extract record (docs/output.md), JSON
    );
    CREATE INDEX documents_dup ON documents(dup_of);
    CREATE INDEX documents_published ON documents(published);

    CREATE TABLE sentences (
        doc   INTEGER NOT NULL REFERENCES documents(rowid),
        idx   INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end   INTEGER NOT NULL,
        PRIMARY KEY (doc, idx)
    ) WITHOUT ROWID;

    CREATE TABLE entities (
        doc   INTEGER NOT NULL REFERENCES documents(rowid),
        label TEXT NOT NULL,
        kb_id TEXT,
        name  TEXT,
        text  TEXT NOT NULL,
        start INTEGER NOT NULL,
        end   INTEGER NOT NULL,
        lat   REAL,
        lon   REAL
    );
    CREATE INDEX entities_doc ON entities(doc);
    CREATE INDEX entities_kb ON entities(kb_id);

    CREATE TABLE events (
        rowid          INTEGER PRIMARY KEY,
        doc            INTEGER NOT NULL REFERENCES documents(rowid),
        idx            INTEGER NOT NULL,
        type           TEXT NOT NULL,
        mode           TEXT,
        status         TEXT NOT NULL,
        date           TEXT,                   -- the event's own date value (YYYY, YYYY-MM or YYYY-MM-DD)
        date_precision TEXT,
        anchor         TEXT,                   -- YYYY-MM-DD used to compare events: its day, else the document's
        place_id       TEXT,
        place_name     TEXT,
        lat            REAL,
        lon            REAL,
        cell           INTEGER,                -- half-degree grid cell of a town- or region-level place (not a country)
        quantity       REAL,
        unit           TEXT,
        source_name    TEXT,
        confidence     REAL NOT NULL,
        story          INTEGER NOT NULL,       -- rowid of the first event of the same occurrence across outlets
        record         TEXT NOT NULL           -- the event as in the extract record, JSON
    );
    CREATE INDEX events_doc ON events(doc);
    CREATE INDEX events_type_cell ON events(type, cell, anchor);
    CREATE INDEX events_story ON events(story);

    CREATE TABLE event_args (
        event INTEGER NOT NULL REFERENCES events(rowid),
        role  TEXT NOT NULL,                   -- actor, target, place, source
        kb_id TEXT,
        name  TEXT,
        text  TEXT NOT NULL,
        start INTEGER NOT NULL,
        end   INTEGER NOT NULL,
        type   TEXT NOT NULL,                  -- the event's type and anchor, copied so that "events of
        anchor TEXT                            -- this actor, of this type, in these days" is one index range
    );
    CREATE INDEX event_args_event ON event_args(event);
    CREATE INDEX event_args_kb ON event_args(kb_id, type, anchor);

    CREATE TABLE lsh (
        band INTEGER NOT NULL,
        hash INTEGER NOT NULL,
        doc  INTEGER NOT NULL,
        PRIMARY KEY (band, hash, doc)
    ) WITHOUT ROWID;

    -- Rasad's own terms (crates/store/src/analyzer.rs), space-separated; rowid = documents.rowid.
    -- The terms are already normalized and lowercased: the ascii tokenizer only splits at spaces here
    -- (every non-ASCII character is a word character to it), and is far cheaper than unicode61.
    CREATE VIRTUAL TABLE doc_fts USING fts5(terms, content='', tokenize='ascii');
    "#,
    // 2: background events (long before publication, or recalled history) are kept apart.
    r#"
    ALTER TABLE events ADD COLUMN background INTEGER NOT NULL DEFAULT 0;
    "#,
    // 3: story records (crates/store/src/stories.rs): each story's anchor, reports and counts, its
    // evidence keys (candidates by key, family and anchor day) and its outlets. Stories of an older
    // store get a record and their outlets (no keys: new events do not join them).
    r#"
    CREATE TABLE stories (
        rowid            INTEGER PRIMARY KEY,  -- = rowid of its first event (events.story)
        family           TEXT NOT NULL,        -- type family of its events ('' for stories of an older store)
        day              TEXT NOT NULL,        -- anchor: YYYY-MM-DD of its first event ('' when undated)
        pub_day          TEXT,                 -- publication day of its first document (fixed): reports join within a few days of it
        first_published  TEXT,                 -- publication day of its first and latest report
        latest_published TEXT,
        events           INTEGER NOT NULL,
        documents        INTEGER NOT NULL,
        lat              REAL,                 -- its first town-level place
        lon              REAL
    );
    CREATE TABLE story_keys (
        key    TEXT NOT NULL,                  -- a:ID actor, p:ID place, q:VALUE:UNIT count, f:N deaths, d:ACTOR>TARGET
        family TEXT NOT NULL,
        day    TEXT NOT NULL,                  -- the story's anchor day
        story  INTEGER NOT NULL,
        count  INTEGER NOT NULL,               -- its events with this key
        PRIMARY KEY (key, family, day, story)
    ) WITHOUT ROWID;
    CREATE TABLE story_outlets (
        story  INTEGER NOT NULL,
        outlet TEXT NOT NULL,                  -- the outlet, or '#' and the document's rowid when it has none
        own    INTEGER NOT NULL,               -- 1 when one of its documents there is not a copy of another outlet's
        PRIMARY KEY (story, outlet)
    ) WITHOUT ROWID;
    INSERT INTO stories (rowid, family, day, pub_day, first_published, latest_published, events, documents)
        SELECT e.story, '', coalesce(min(e.anchor), ''), min(d.published), min(d.published), max(d.published), count(*), count(DISTINCT e.doc)
        FROM events e JOIN documents d ON d.rowid = e.doc GROUP BY e.story;
    INSERT INTO story_outlets (story, outlet, own)
        SELECT e.story, coalesce(d.outlet, '#' || d.rowid), max(coalesce(d.dup_of = d.rowid OR r.outlet = d.outlet, 0))
        FROM events e JOIN documents d ON d.rowid = e.doc JOIN documents r ON r.rowid = d.dup_of
        GROUP BY e.story, coalesce(d.outlet, '#' || d.rowid);
    "#,
    // 4: headline words per publication day (crates/store/src/headline.rs): how rare a word of a
    // document's title is among the headlines of the days around it. Documents of an older store
    // are not counted (their words weigh as rare until the window holds new ones).
    r#"
    CREATE TABLE headline_terms (
        term TEXT NOT NULL,                    -- a search term of a title ('' counts the day's headlines)
        day  TEXT NOT NULL,                    -- publication day, YYYY-MM-DD
        docs INTEGER NOT NULL,                 -- original documents (not near-duplicates) with it in their headline
        PRIMARY KEY (term, day)
    ) WITHOUT ROWID;
    "#,
    // 5: a story's headline words once per document (crates/store/src/heads.rs) instead of as
    // `h:` keys of `story_keys`, one per event. The `h:` keys of an older store become one row per
    // story (document 0: each word counts as one document).
    r#"
    CREATE TABLE story_heads (
        day    TEXT NOT NULL,                  -- the story's anchor day, YYYY-MM-DD
        story  INTEGER NOT NULL,
        doc    INTEGER NOT NULL,               -- documents.rowid (0: the words of a story of an older store)
        family TEXT NOT NULL,                  -- the story's type family
        terms  TEXT NOT NULL,                  -- the document's salient headline words, space-separated
        PRIMARY KEY (day, story, doc)
    ) WITHOUT ROWID;
    INSERT INTO story_heads (day, story, doc, family, terms)
        SELECT day, story, 0, family, group_concat(substr(key, 3), ' ') FROM story_keys
        WHERE key >= 'h:' AND key < 'h;' GROUP BY day, story, family;
    DELETE FROM story_keys WHERE key >= 'h:' AND key < 'h;';
    "#,
    // 6: indexes for the web API's filters and sorts (crates/store/src/browse.rs): events by day
    // (undated last either way), by type and day (the type sort, and a type filter in either day
    // order), by confidence, by status and by latitude (the box around `near`); documents by
    // outlet and day.
    r#"
    CREATE INDEX events_day_desc ON events(coalesce(anchor, ''));
    CREATE INDEX events_day_asc ON events(coalesce(anchor, '~'));
    CREATE INDEX events_type_day ON events(type, coalesce(anchor, '') DESC);
    CREATE INDEX events_type_desc ON events(type, coalesce(anchor, ''));
    CREATE INDEX events_type_asc ON events(type, coalesce(anchor, '~'));
    CREATE INDEX events_confidence ON events(confidence DESC);
    CREATE INDEX events_status ON events(status, background);
    CREATE INDEX events_lat ON events(lat);
    CREATE INDEX documents_outlet ON documents(outlet, published);
    "#,
    // 7: a document's language (ISO 639-1, as the reader or the pipeline told it; NULL for
    // documents of an older store) and where a web page's publication date was read (json-ld,
    // meta, time, byline, url).
    r#"
    ALTER TABLE documents ADD COLUMN lang TEXT;
    ALTER TABLE documents ADD COLUMN date_source TEXT;
    "#,
    // 8: copies: a document whose text is already stored under another source (an outlet carrying
    // another's text word for word) is not stored again, but where it came from is kept, and its
    // outlet joins the stories of the stored text as one that republished it.
    r#"
    CREATE TABLE copies (
        doc       INTEGER NOT NULL REFERENCES documents(rowid),  -- the stored document with the same text
        source    TEXT NOT NULL,
        outlet    TEXT,
        url       TEXT,
        published TEXT,                       -- YYYY-MM-DD, as given
        PRIMARY KEY (doc, source)
    ) WITHOUT ROWID;
    "#,
    // 9: facts about the store as a whole. `search_analyzer` is the version of the analyzer that
    // wrote the full-text index (crates/store/src/analyzer): the index of an older store was written
    // by version 1, and is rebuilt once by `Store::reindex_if_stale` (crates/store/src/reindex.rs)
    // when a newer Rasad opens it for writing.
    r#"
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO meta (key, value) VALUES ('search_analyzer', '1');
    "#,
    // 10: a story's speaker (crates/store/src/stories.rs, `speaker_side`): the side of the first
    // linked actor of its statements (a request, an accusation, a sanction …); NULL for stories of
    // other families, of an older store, or whose events name no linked actor. Since 2026-12-02 a
    // force story keeps there the state its first state actor acts for (`state_side`).
    r#"
    ALTER TABLE stories ADD COLUMN speaker TEXT;
    "#,
];

/// The schema version this build writes.
pub const VERSION: usize = MIGRATIONS.len();

/// Brings a store up to [`VERSION`]; refuses a store written by a newer Rasad.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    for (i, sql) in MIGRATIONS.iter().enumerate() {
        // The version is read inside a write transaction, so two processes opening a new store at
        // once cannot both run a migration.
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let current = tx.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))? as usize;
        if current > VERSION {
            return Err(StoreError::TooNew { found: current, supported: VERSION });
        }
        if current > i {
            continue;
        }
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}
