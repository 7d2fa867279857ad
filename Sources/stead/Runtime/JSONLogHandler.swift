import Foundation
import KubeModel
import Logging

/// One JSON object per line on stderr: `time`, `level`, `logger`, `msg`, then the metadata as strings.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    init(label: String, logLevel: Logger.Level) {
        self.label = label
        self.logLevel = logLevel
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields = metadata
        if let provided = metadataProvider?.get() { fields.merge(provided) { _, new in new } }
        if let extra = event.metadata { fields.merge(extra) { _, new in new } }
        FileHandle.standardError.write(Self.line(
            time: Date(), level: event.level, label: label, message: "\(event.message)", metadata: fields))
    }

    static func line(time: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata) -> Data {
        var object: JSONObject = [:]
        for (key, value) in metadata { object[key] = .string("\(value)") }
        object["time"] = .string(KubeTime(time, microseconds: true).description)
        object["level"] = .string(level.rawValue)
        object["logger"] = .string(label)
        object["msg"] = .string(message)
        var data = JSONValue.object(object).serialized()
        data.append(0x0A)
        return data
    }
}
