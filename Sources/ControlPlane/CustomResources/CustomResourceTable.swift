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

    static func printer(_ custom: CustomResourceVersion) -> TablePrinter {
        TablePrinter([.name] + printerColumns(custom).map(column))
    }

    private static func column(_ declared: CustomResourceVersion.PrinterColumn) -> PrinterColumn {
        let path = JSONPathSubset(declared.jsonPath)
        let isDate = declared.type == "date"
        return PrinterColumn(declared.name, type: declared.type, format: declared.format, priority: declared.priority) {
            object, now in
            guard let value = path?.value(in: object), value != .null else { return .null }
            guard isDate else { return value }
            return Cells.since(value, now: now).map(JSONValue.string) ?? .null
        }
    }
}
