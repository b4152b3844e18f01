import Foundation

/// Runs the built `coursegen` executable the way a user would, in a given folder.
struct CourseGenProcess {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The executable next to the test bundle in the build products folder (or
    /// `COURSEGEN_BINARY` when set).
    static func executable() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["COURSEGEN_BINARY"] {
            return URL(fileURLWithPath: path)
        }
        var candidates: [URL] = []
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        candidates.append(testBinary.deletingLastPathComponent().appendingPathComponent("coursegen"))
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("coursegen"))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("coursegen"))
        candidates.append(packageRoot.appendingPathComponent(".build/debug/coursegen"))
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        throw LookupError(message: "coursegen executable not found (looked at \(candidates.map(\.path))); build it first")
    }

    struct LookupError: Error, CustomStringConvertible { var message: String; var description: String { message } }

    /// Runs `coursegen arguments...` in `folder`.
    static func run(_ arguments: [String], in folder: URL) throws -> Outcome {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a full pipe cannot block the child.
        let errData = ReadInBackground(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: outData, as: UTF8.self),
                       stderr: String(decoding: errData.wait(), as: UTF8.self))
    }

    /// `coursegen build` of `folder/Content` into `folder/<output>` with the package's templates.
    static func build(in folder: URL, output: String = "Output", content: String = "Content") throws -> Outcome {
        try run(["build", "--content", content, "--output", output,
                 "--templates", packageRoot.appendingPathComponent("Templates").path], in: folder)
    }
}

/// Reads a file handle to its end on another thread.
final class ReadInBackground: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
