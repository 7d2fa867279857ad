import Foundation
import GRDB
import KubeModel

/// The durable copy of every object: one SQLite file (WAL mode) with a row per object and the global
/// resourceVersion counter. Each call is one transaction, committed before it returns.
///
/// One connection holding the file's lock for its whole life: the API server is the only reader and
/// writer, so the per-transaction file locks (several `fcntl` calls each) and the WAL's shared-memory
/// index buy nothing, and a second server started on the same directory fails at once instead of
/// interleaving its writes.
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

    private let database: DatabaseQueue

    init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.label = "stead.controlplane"
        configuration.prepareDatabase { db in
            // Exclusive before WAL, so that the WAL index lives in the process's memory, not in a -shm file.
            try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE")
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            // WAL + NORMAL: a committed transaction survives the process being killed; an OS crash may lose
            // the last transactions but never corrupts the file.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let path = (directory as NSString).appendingPathComponent("stead.sqlite")
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
            try createTables()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw DataDirectoryInUse(directory: directory)
        }
    }

    private func createTables() throws {
        try database.write { db in
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
        try database.read { db in
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

    /// Applies the write and records `resourceVersion` as the counter, unless the write stores a row with
    /// that resourceVersion (what `load` reads back anyway), in one transaction.
    func commit(_ write: Write, resourceVersion: Int64) throws {
        try database.write { db in
            switch write {
            case .put(let resource, let key, let rv, let data):
                try db.cachedStatement(sql: "INSERT OR REPLACE INTO objects (resource, key, rv, data) VALUES (?, ?, ?, ?)")
                    .execute(arguments: [resource, key, rv, data])
            case .delete(let resource, let key):
                try db.cachedStatement(sql: "DELETE FROM objects WHERE resource = ? AND key = ?")
                    .execute(arguments: [resource, key])
            }
            if write.storedResourceVersion != resourceVersion {
                try db.cachedStatement(sql: "INSERT OR REPLACE INTO meta (name, value) VALUES ('rv', ?)")
                    .execute(arguments: [resourceVersion])
            }
        }
    }

    func close() {
        try? database.close()
    }
}

/// Another process (or another server in this one) has the data directory's database open.
public struct DataDirectoryInUse: Error, CustomStringConvertible, LocalizedError {
    public let directory: String

    public var description: String {
        "the data directory \(directory) is in use by another API server; stop it or choose another --data-dir"
    }
    public var errorDescription: String? { description }
}
