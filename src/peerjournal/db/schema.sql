-- The schema of a new journal: what the revisions in migrations/versions build, as
-- SQLite keeps it. Written by `python -m peerjournal.db.newjournal`; do not edit.
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE entry (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	created_at TEXT NOT NULL, 
	updated_at TEXT NOT NULL, 
	date TEXT NOT NULL, 
	setting TEXT DEFAULT '' NOT NULL, 
	mode TEXT DEFAULT 'on-action' NOT NULL, 
	prompt_set TEXT DEFAULT 'boud' NOT NULL, 
	experience TEXT NOT NULL, 
	feelings TEXT DEFAULT '' NOT NULL, 
	evaluation TEXT DEFAULT '' NOT NULL, 
	self_care TEXT DEFAULT '' NOT NULL, 
	answers TEXT DEFAULT '{}' NOT NULL, 
	shared INTEGER DEFAULT '0' NOT NULL, 
	deleted_at TEXT, 
	drift_verdict TEXT, 
	drift_json TEXT, 
	lexicon_version TEXT
, drift_summary TEXT, scorer_version TEXT, answers_text TEXT DEFAULT '' NOT NULL, experience_folded TEXT, feelings_folded TEXT, evaluation_folded TEXT, self_care_folded TEXT, answers_folded TEXT);
CREATE INDEX ix_entry_live_date ON entry (deleted_at, date);
CREATE TABLE entry_tag (
	entry_id INTEGER NOT NULL, 
	tag VARCHAR NOT NULL, 
	PRIMARY KEY (entry_id, tag), 
	FOREIGN KEY(entry_id) REFERENCES entry (id) ON DELETE CASCADE
);
CREATE INDEX ix_entry_tag_tag ON entry_tag (tag);
CREATE TABLE person (
	id INTEGER NOT NULL, 
	name TEXT NOT NULL, 
	alias TEXT, 
	created_at TEXT NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (name)
);
CREATE TABLE supervision (
	id INTEGER NOT NULL, 
	date TEXT NOT NULL, 
	note TEXT DEFAULT '' NOT NULL, 
	created_at TEXT NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE selfcheck (
	id INTEGER NOT NULL, 
	created_at TEXT NOT NULL, 
	answers TEXT DEFAULT '{}' NOT NULL, 
	complete INTEGER DEFAULT '0' NOT NULL, 
	PRIMARY KEY (id)
);
CREATE INDEX ix_entry_scored_with ON entry (deleted_at, lexicon_version, scorer_version);
CREATE VIEW entry_fts_source AS SELECT id, coalesce(entry.experience_folded, entry.experience) AS experience, coalesce(entry.feelings_folded, entry.feelings) AS feelings, coalesce(entry.evaluation_folded, entry.evaluation) AS evaluation, coalesce(entry.self_care_folded, entry.self_care) AS self_care, coalesce(entry.answers_folded, entry.answers_text) AS answers FROM entry;
CREATE TRIGGER entry_fts_insert AFTER INSERT ON entry BEGIN INSERT INTO entry_fts(rowid, experience, feelings, evaluation, self_care, answers) VALUES (new.id, coalesce(new.experience_folded, new.experience), coalesce(new.feelings_folded, new.feelings), coalesce(new.evaluation_folded, new.evaluation), coalesce(new.self_care_folded, new.self_care), coalesce(new.answers_folded, new.answers_text)); END;
CREATE TRIGGER entry_fts_delete AFTER DELETE ON entry BEGIN INSERT INTO entry_fts(entry_fts, rowid, experience, feelings, evaluation, self_care, answers) VALUES ('delete', old.id, coalesce(old.experience_folded, old.experience), coalesce(old.feelings_folded, old.feelings), coalesce(old.evaluation_folded, old.evaluation), coalesce(old.self_care_folded, old.self_care), coalesce(old.answers_folded, old.answers_text)); END;
CREATE TABLE entry_score (
	entry_id INTEGER NOT NULL, 
	words INTEGER NOT NULL, 
	identity_w INTEGER, 
	drift_w INTEGER, 
	story_identity_w INTEGER, 
	story_drift_w INTEGER, 
	mutuality_identity_w INTEGER, 
	mutuality_drift_w INTEGER, 
	focus_identity_w INTEGER, 
	focus_drift_w INTEGER, 
	voice_identity_w INTEGER, 
	voice_drift_w INTEGER, 
	self_worth_identity_w INTEGER, 
	self_worth_drift_w INTEGER, 
	clinical_language_identity_w INTEGER, 
	clinical_language_drift_w INTEGER, 
	advice_identity_w INTEGER, 
	advice_drift_w INTEGER, 
	co_optation_identity_w INTEGER, 
	co_optation_drift_w INTEGER, 
	connection_identity_w INTEGER, 
	connection_drift_w INTEGER, 
	worldview_identity_w INTEGER, 
	worldview_drift_w INTEGER, 
	moving_toward_identity_w INTEGER, 
	moving_toward_drift_w INTEGER, 
	advocacy_identity_w INTEGER, 
	advocacy_drift_w INTEGER, 
	PRIMARY KEY (entry_id)
);
CREATE TRIGGER entry_score_delete AFTER DELETE ON entry BEGIN DELETE FROM entry_score WHERE entry_id = old.id; END;
CREATE VIRTUAL TABLE entry_fts USING fts5(experience, feelings, evaluation, self_care, answers, content='entry_fts_source', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2 categories ''L* N* Co M*''');
CREATE TRIGGER entry_fts_update AFTER UPDATE OF experience, feelings, evaluation, self_care, answers_text, experience_folded, feelings_folded, evaluation_folded, self_care_folded, answers_folded ON entry BEGIN INSERT INTO entry_fts(entry_fts, rowid, experience, feelings, evaluation, self_care, answers) VALUES ('delete', old.id, coalesce(old.experience_folded, old.experience), coalesce(old.feelings_folded, old.feelings), coalesce(old.evaluation_folded, old.evaluation), coalesce(old.self_care_folded, old.self_care), coalesce(old.answers_folded, old.answers_text)); INSERT INTO entry_fts(rowid, experience, feelings, evaluation, self_care, answers) VALUES (new.id, coalesce(new.experience_folded, new.experience), coalesce(new.feelings_folded, new.feelings), coalesce(new.evaluation_folded, new.evaluation), coalesce(new.self_care_folded, new.self_care), coalesce(new.answers_folded, new.answers_text)); END;
CREATE INDEX ix_entry_live_setting ON entry (deleted_at, setting);
CREATE TABLE journal (
	slot INTEGER NOT NULL, 
	id TEXT NOT NULL, 
	PRIMARY KEY (slot), 
	CONSTRAINT one_row CHECK (slot = 1)
);
INSERT INTO entry_fts(entry_fts) VALUES ('rebuild');
INSERT INTO alembic_version (version_num) VALUES ('0012');
