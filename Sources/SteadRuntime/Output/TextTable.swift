/// A plain text table with aligned columns, the one table renderer of the CLI.
package struct TextTable {
    package var header: [String]
    package var rows: [[String]] = []

    package init(_ header: String...) { self.header = header }

    package init(_ header: [String]) { self.header = header }

    package mutating func add(_ cells: String...) { rows.append(cells) }

    package mutating func add(_ cells: [String]) { rows.append(cells) }

    package func render() -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
