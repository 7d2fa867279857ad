import Foundation
import KubeModel

/// The Table columns of a custom resource: NAME, then the CRD's `additionalPrinterColumns` (AGE when it
/// names none); `date` columns show an age, missing values are null cells.
enum CustomResourceTable {
    static let defaultColumns = [
        CustomResourceVersion.PrinterColumn(
            name: "Age", type: "date", format: "", description: "", priority: 0, jsonPath: ".metadata.creationTimestamp")
    ]

    static func printerColumns(_ custom: CustomResourceVersion) -> [CustomResourceVersion.PrinterColumn] {
        custom.printerColumns.isEmpty ? defaultColumns : custom.printerColumns
    }

    static func columns(_ custom: CustomResourceVersion) -> [TableConverter.Column] {
        [TableConverter.Column(name: "Name", type: "string", format: "name")]
            + printerColumns(custom).map {
                TableConverter.Column(name: $0.name, type: $0.type, priority: $0.priority, format: $0.format)
            }
    }

    static func cells(_ custom: CustomResourceVersion, _ object: JSONValue, now: Date) -> [JSONValue] {
        let name = JSONValue.string(object[path: ["metadata", "name"]]?.stringValue ?? "")
        return [name] + printerColumns(custom).map { column in
            guard let value = JSONPathSubset(column.jsonPath)?.value(in: object), value != .null else { return .null }
            if column.type == "date" {
                guard let text = value.stringValue, let time = KubeTime(text: text) else { return .null }
                return .string(TableConverter.humanDuration(now.timeIntervalSince(time.date)))
            }
            return value
        }
    }
}
