import Foundation
import KubeModel
import Logging

/// One JSON object per line on stderr: `time`, `level`, `logger`, `msg`, then the metadata as strings.
package struct JSONLogHandler: LogHandler {
    package let label: String
    package var logLevel: Logger.Level
    package var metadata: Logger.Metadata = [:]
    package var metadataProvider: Logger.MetadataProvider?

    package init(label: String, logLevel: Logger.Level) {
        self.label = label
        self.logLevel = logLevel
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        var fields = metadata
        if let provided = metadataProvider?.get() { fields.merge(provided) { _, new in new } }
        if let extra = event.metadata { fields.merge(extra) { _, new in new } }
        FileHandle.standardError.write(Self.line(
            time: Date(), level: event.level, label: label, message: "\(event.message)", metadata: fields))
    }

    package static func line(time: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata) -> Data {
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
