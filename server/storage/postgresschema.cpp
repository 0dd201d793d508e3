#include "storage/postgresschema.h"

namespace PostgresSchema {

std::vector<SchemaMigrations::Migration> migrations()
{
    return {
        {1,
         "accounts, certificates, settings, history, offline delivery and read markers",
         {
             QStringLiteral("CREATE TABLE schema_version (version INTEGER NOT NULL)"),
             QStringLiteral("INSERT INTO schema_version (version) VALUES (0)"),
             // Names are compared byte by byte, whatever the database's locale, as in SQLite.
             QStringLiteral("CREATE TABLE accounts ("
                            " id BIGSERIAL PRIMARY KEY,"
                            " name TEXT COLLATE \"C\" NOT NULL,"
                            " folded_name TEXT COLLATE \"C\" NOT NULL UNIQUE,"
                            " scram_salt BYTEA NOT NULL,"
                            " scram_iterations INTEGER NOT NULL,"
                            " scram_stored_key BYTEA NOT NULL,"
                            " scram_server_key BYTEA NOT NULL,"
                            " created_at BIGINT NOT NULL,"
                            " last_login_at BIGINT)"),
             QStringLiteral("CREATE TABLE settings ("
                            " key TEXT COLLATE \"C\" PRIMARY KEY,"
                            " value BYTEA NOT NULL)"),
             QStringLiteral("CREATE TABLE account_certificates ("
                            " fingerprint TEXT COLLATE \"C\" PRIMARY KEY,"
                            " account_id BIGINT NOT NULL"
                            "  REFERENCES accounts(id) ON DELETE CASCADE,"
                            " added_at BIGINT NOT NULL)"),
             QStringLiteral("CREATE INDEX account_certificates_account"
                            " ON account_certificates(account_id)"),
             // A counter every change to the accounts' names, keys or certificates moves (not
             // a login): what each node polls to learn of accounts added elsewhere (SQLite's
             // PRAGMA data_version has no PostgreSQL equivalent).
             QStringLiteral("CREATE TABLE account_changes (counter BIGINT NOT NULL)"),
             QStringLiteral("INSERT INTO account_changes (counter) VALUES (0)"),
             QStringLiteral("CREATE FUNCTION confab_account_changed() RETURNS trigger"
                            " LANGUAGE plpgsql AS"
                            " 'BEGIN UPDATE account_changes SET counter = counter + 1;"
                            " RETURN NULL; END'"),
             QStringLiteral("CREATE TRIGGER accounts_changed AFTER INSERT OR DELETE OR UPDATE OF"
                            " name, folded_name, scram_salt, scram_iterations, scram_stored_key,"
                            " scram_server_key ON accounts"
                            " FOR EACH STATEMENT EXECUTE FUNCTION confab_account_changed()"),
             QStringLiteral("CREATE TRIGGER certificates_changed AFTER INSERT OR DELETE OR UPDATE"
                            " ON account_certificates"
                            " FOR EACH STATEMENT EXECUTE FUNCTION confab_account_changed()"),
             // As SQLite's version 5: one row per message in a conversation, read through each
             // reader's view of it (history/historyrecord.h).
             QStringLiteral("CREATE TABLE history ("
                            " id BIGSERIAL PRIMARY KEY,"
                            " conversation BIGINT NOT NULL,"
                            " time_ms BIGINT NOT NULL,"
                            " msgid TEXT COLLATE \"C\" NOT NULL,"
                            " account TEXT COLLATE \"C\" NOT NULL,"
                            " kind INTEGER NOT NULL,"
                            " line BYTEA NOT NULL)"),
             QStringLiteral("CREATE INDEX history_by_conversation"
                            " ON history(conversation, time_ms)"),
             QStringLiteral("CREATE INDEX history_by_msgid ON history(msgid)"),
             QStringLiteral("CREATE TABLE history_views ("
                            " id BIGSERIAL PRIMARY KEY,"
                            " owner TEXT COLLATE \"C\" NOT NULL,"
                            " target TEXT COLLATE \"C\" NOT NULL,"
                            " conversation BIGINT NOT NULL,"
                            " since_id BIGINT NOT NULL DEFAULT 0,"
                            " last_ms BIGINT NOT NULL DEFAULT 0,"
                            " UNIQUE (owner, target))"),
             QStringLiteral("CREATE TABLE history_pending ("
                            " owner TEXT COLLATE \"C\" NOT NULL,"
                            " id BIGINT NOT NULL,"
                            " PRIMARY KEY (owner, id))"),
             QStringLiteral("CREATE TABLE read_markers ("
                            " owner TEXT COLLATE \"C\" NOT NULL,"
                            " target TEXT COLLATE \"C\" NOT NULL,"
                            " time_ms BIGINT NOT NULL,"
                            " PRIMARY KEY (owner, target))"),
         }},
        {2,
         "history's message ids found by their counter",
         {
             // As SQLite's version 7.
             QStringLiteral("ALTER TABLE history ADD COLUMN msgid_number BIGINT"),
             QStringLiteral("DROP INDEX history_by_msgid"),
             QStringLiteral("CREATE INDEX history_by_msgid ON history(msgid)"
                            " WHERE msgid_number IS NULL"),
             QStringLiteral("CREATE INDEX history_by_msgid_number ON history(msgid_number)"
                            " WHERE msgid_number IS NOT NULL"),
         }},
    };
}

} // namespace PostgresSchema
