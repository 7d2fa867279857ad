import Foundation
import GRDB
import KubeModel

/// The durable copy of every object: one SQLite file (WAL mode) with a row per object and the global
/// resourceVersion counter. Each call is one transaction, committed before it returns.
final class SQLiteStorage: Sendable {
    struct Row: Sendable {
        var resource: String
        var key: String
        var resourceVersion: Int64
        var data: Data
    }

    enum Write: Sendable {
        case put(resource: String, key: String, resourceVersion: Int64, data: Data)
        case delete(resource: String, key: String)

        /// The resourceVersion of the row this write leaves behind.
        var storedResourceVersion: Int64? {
            if case .put(_, _, let resourceVersion, _) = self { return resourceVersion }
            return nil
        }
    }

    private let pool: DatabasePool

    init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.label = "stead.controlplane"
        configuration.prepareDatabase { db in
            // WAL + NORMAL: a committed transaction survives the process being killed; an OS crash may lose
            // the last transactions but never corrupts the file.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        pool = try DatabasePool(path: (directory as NSString).appendingPathComponent("stead.sqlite"), configuration: configuration)
        try pool.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE IF NOT EXISTS objects (
                        resource TEXT NOT NULL, key TEXT NOT NULL, rv INTEGER NOT NULL, data BLOB NOT NULL,
                        PRIMARY KEY (resource, key)) WITHOUT ROWID;
                    CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY NOT NULL, value INTEGER NOT NULL);
                    """)
        }
    }

    /// Every stored object and the highest resourceVersion ever handed out.
    func load() throws -> (rows: [Row], resourceVersion: Int64) {
        try pool.read { db in
            var rows: [Row] = []
            let cursor = try GRDB.Row.fetchCursor(db, sql: "SELECT resource, key, rv, data FROM objects")
            while let row = try cursor.next() {
                rows.append(Row(resource: row[0], key: row[1], resourceVersion: row[2], data: row[3]))
            }
            let counter = try Int64.fetchOne(db, sql: "SELECT value FROM meta WHERE name = 'rv'") ?? 0
            let highest = rows.map(\.resourceVersion).max() ?? 0
            return (rows, max(counter, highest))
        }
    }

    /// Applies the writes in one transaction and records `resourceVersion` as the counter, unless the
    /// last write stores a row with that resourceVersion (what `load` reads back anyway).
    func commit(_ writes: [Write], resourceVersion: Int64) throws {
        try pool.write { db in
            for write in writes {
                switch write {
                case .put(let resource, let key, let rv, let data):
                    try db.cachedStatement(sql: "INSERT OR REPLACE INTO objects (resource, key, rv, data) VALUES (?, ?, ?, ?)")
                        .execute(arguments: [resource, key, rv, data])
                case .delete(let resource, let key):
                    try db.cachedStatement(sql: "DELETE FROM objects WHERE resource = ? AND key = ?")
                        .execute(arguments: [resource, key])
                }
            }
            if writes.last?.storedResourceVersion != resourceVersion {
                try db.cachedStatement(sql: "INSERT OR REPLACE INTO meta (name, value) VALUES ('rv', ?)")
                    .execute(arguments: [resourceVersion])
            }
        }
    }

    func close() {
        try? pool.close()
    }
}
