#pragma once

#include "storage/schemamigrations.h"

#include <vector>

// The schema of a PostgreSQL database shared by the nodes of a cluster: accounts and history,
// the same tables and columns as SQLite's (storage/schemamigrations.cpp) so that one set of
// queries serves both. Uploaded files stay with each node, in its data directory's SQLite.
namespace PostgresSchema {
std::vector<SchemaMigrations::Migration> migrations();
}
