import Foundation

/// A path as given on the command line, made absolute against the current directory.
package func absolutePath(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path).standardized.path
}

/// Writes a line to stdout at once: ready lines must reach a parent that reads us through a pipe.
package func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
