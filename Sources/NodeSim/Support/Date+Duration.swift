import Foundation

extension Date {
    func adding(_ duration: Duration) -> Date { addingTimeInterval(duration.inSeconds) }
}
