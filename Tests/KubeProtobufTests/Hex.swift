import Foundation

/// Bytes written as hex pairs ("6b 38 73 00"); spaces and line breaks are ignored.
func hex(_ text: String) -> Data {
    let digits = text.filter { !$0.isWhitespace }
    var bytes: [UInt8] = []
    var index = digits.startIndex
    while index < digits.endIndex {
        let next = digits.index(index, offsetBy: 2)
        bytes.append(UInt8(digits[index..<next], radix: 16)!)
        index = next
    }
    return Data(bytes)
}

func hexText(_ data: Data) -> String {
    data.map { String(format: "%02x", $0) }.joined(separator: " ")
}
