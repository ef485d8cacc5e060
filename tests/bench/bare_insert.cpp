// kint_bench_bare_insert: the floor for `kint log` — the least a program built like kint (same
// compiler flags, same linking, SQLiteCpp over the same SQLite set up the same way) does to write
// one log row with kint's durability: open the store, WAL with synchronous=NORMAL, one upsert in
// its own transaction.
//
//   kint_bench_bare_insert DB CUE_ID YYYY-MM-DD
#include "kint/store/sqlite_settings.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sqlite3.h>

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fputs("usage: kint_bench_bare_insert DB CUE_ID YYYY-MM-DD\n", stderr);
        return 2;
    }
    // SQLite set up as kint sets it up: one thread, so no mutexes, and kint's allocator.
    kint::store::configure_sqlite();
    try {
        SQLite::Database db(argv[1], SQLite::OPEN_READWRITE);
        db.setBusyTimeout(5000);
        db.exec("PRAGMA synchronous = NORMAL");
        SQLite::Statement st(
            db, "INSERT INTO log (cue_id, day, status, note) VALUES (?, ?, 'done', NULL) "
                "ON CONFLICT (cue_id, day, status) "
                "DO UPDATE SET note = coalesce(excluded.note, note)");
        st.bind(1, static_cast<std::int64_t>(std::atoll(argv[2])));
        st.bind(2, argv[3]);
        st.exec();
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kint_bench_bare_insert: %s\n", e.what());
        return 1;
    }
}
