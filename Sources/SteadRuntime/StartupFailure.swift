import ControlPlane
import Foundation

/// How `stead up` and `stead apiserver` fail to start: a folder they made for this run is removed again
/// (no half-made certificates and database without a kubeconfig), and an address someone else holds is
/// named with the flag that moves it.
package enum StartupFailure {
    /// An address another socket holds, and what to do about it.
    package struct AddressTaken: Error, CustomStringConvertible {
        package var address: String
        package var remedy: String
        package var description: String {
            "cannot listen on \(address): the address is already in use (by another stead, or another program). \(remedy)"
        }
    }

    /// Runs `start`; when it throws, removes `dataDirectory` if it did not exist before, and rethrows the
    /// error, an address in use explained by `remedy` (given the address).
    package static func cleaningUp<R>(
        dataDirectory: String, remedy: (String) -> String, _ start: () async throws -> R
    ) async throws -> R {
        let path = absolutePath(dataDirectory)
        let existed = FileManager.default.fileExists(atPath: path)
        do {
            return try await start()
        } catch {
            if !existed { try? FileManager.default.removeItem(atPath: path) }
            if let taken = error as? BackgroundListener.AddressInUse {
                throw AddressTaken(address: taken.address, remedy: remedy(taken.address))
            }
            throw error
        }
    }
}
