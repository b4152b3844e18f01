import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Courseware

@Suite struct OutputFolderTests {
    @Test func absentEmptyAndMarkedFoldersMayBeReplaced() throws {
        let temp = try TemporaryFolder()
        defer { temp.remove() }
        let absent = OutputFolder(url: temp.url.appendingPathComponent("Out"), displayPath: "Out")
        #expect(absent.refusal() == nil)
        try FileManager.default.createDirectory(at: absent.url, withIntermediateDirectories: true)
        #expect(absent.refusal() == nil)
        try temp.write("x", to: "Out/\(OutputFolder.markerName)")
        try temp.write("old", to: "Out/site/index.html")
        #expect(absent.refusal() == nil)
    }

    @Test func foreignFolderFileAndLinkAreRefused() throws {
        let temp = try TemporaryFolder()
        defer { temp.remove() }
        try temp.write("mine", to: "Docs/notes.txt")
        let foreign = OutputFolder(url: temp.url.appendingPathComponent("Docs"), displayPath: "Docs")
        let reason = try #require(foreign.refusal())
        #expect(reason.contains("refusing to replace 'Docs'"))
        #expect(reason.contains(OutputFolder.markerName))

        try temp.write("x", to: "file.txt")
        #expect(OutputFolder(url: temp.url.appendingPathComponent("file.txt"), displayPath: "file.txt").refusal()?
            .contains("is a file") == true)

        try FileManager.default.createSymbolicLink(at: temp.url.appendingPathComponent("link"),
                                                   withDestinationURL: temp.url.appendingPathComponent("Docs"))
        #expect(OutputFolder(url: temp.url.appendingPathComponent("link"), displayPath: "link").refusal()?
            .contains("symbolic link") == true)
    }

    @Test func commitSwapsInTheNewFolderAndLeavesNothingBehind() throws {
        let temp = try TemporaryFolder()
        defer { temp.remove() }
        try temp.write("x", to: "Out/\(OutputFolder.markerName)")
        try temp.write("old", to: "Out/site/old.html")
        let output = OutputFolder(url: temp.url.appendingPathComponent("Out"), displayPath: "Out")
        let staging = try output.makeStaging()
        #expect(staging.url.deletingLastPathComponent().standardizedFileURL == temp.url.standardizedFileURL)
        #expect(staging.url.lastPathComponent.hasPrefix(".Out.tmp-"))
        try staging.makeFolder(["site"])
        try staging.write("new", to: ["site", "new.html"])
        // The old output is untouched until the commit.
        #expect(temp.entries("Out/site") == ["old.html"])
        try output.commit(staging)
        #expect(temp.entries() == ["Out"])
        #expect(temp.entries("Out") == [OutputFolder.markerName, "site"])
        #expect(temp.entries("Out/site") == ["new.html"])
    }

    @Test func discardLeavesTheOldOutputAlone() throws {
        let temp = try TemporaryFolder()
        defer { temp.remove() }
        try temp.write("x", to: "Out/\(OutputFolder.markerName)")
        try temp.write("old", to: "Out/site/old.html")
        let output = OutputFolder(url: temp.url.appendingPathComponent("Out"), displayPath: "Out")
        let staging = try output.makeStaging()
        try staging.makeFolder(["site"])
        try staging.write("new", to: ["site", "old.html"])
        output.discard(staging)
        #expect(temp.entries() == ["Out"])
        #expect(try String(contentsOf: temp.url.appendingPathComponent("Out/site/old.html"), encoding: .utf8) == "old")
    }

    @Test func commitRefusesAFolderThatBecameForeign() throws {
        let temp = try TemporaryFolder()
        defer { temp.remove() }
        let output = OutputFolder(url: temp.url.appendingPathComponent("Out"), displayPath: "Out")
        let staging = try output.makeStaging()
        try temp.write("someone else's", to: "Out/file.txt")
        #expect(throws: OutputError.self) { try output.commit(staging) }
        output.discard(staging)
        #expect(temp.entries("Out") == ["file.txt"])
    }

    @Test(arguments: ["..", ".", "", "a/b", "../x", "a\\b", "x\u{0}y"])
    func unsafeNamesAreRefused(name: String) throws {
        let temp = try TemporaryFolder()
        defer { temp.remove() }
        let staging = StagingFolder(url: temp.url.appendingPathComponent("stage"))
        try FileManager.default.createDirectory(at: staging.url, withIntermediateDirectories: true)
        #expect(!StagingFolder.isSafeComponent(name))
        #expect(throws: OutputError.self) { try staging.write("x", to: ["site", name]) }
        #expect(temp.entries() == ["stage"])
    }

    @Test(arguments: ["index.html", "katex.min.js", ".hidden", "a..b", "théorème.html"])
    func plainNamesAreAllowed(name: String) {
        #expect(StagingFolder.isSafeComponent(name))
    }

    @Test func unchangedFilesAreLinkedFromThePreviousOutputWhichStaysIntact() throws {
        let temp = try TemporaryFolder()
        defer { temp.remove() }
        try temp.write("x", to: "Out/\(OutputFolder.markerName)")
        try temp.write("same", to: "Out/site/same.html")
        try temp.write("old text", to: "Out/site/changed.html")
        let output = OutputFolder(url: temp.url.appendingPathComponent("Out"), displayPath: "Out")
        let staging = try output.makeStaging()
        #expect(staging.previous?.standardizedFileURL == output.url.standardizedFileURL)
        try staging.makeFolder(["site"])
        try staging.write("same", to: ["site", "same.html"])
        try staging.write("new text", to: ["site", "changed.html"])
        func links(_ path: String) -> Int {
            var info = stat()
            return lstat(temp.url.appendingPathComponent(path).path, &info) == 0 ? Int(info.st_nlink) : -1
        }
        let stagingName = staging.url.lastPathComponent
        #expect(links("Out/site/same.html") == 2)
        #expect(links("\(stagingName)/site/changed.html") == 1)
        // The previous output is unchanged until the commit.
        #expect(try String(contentsOf: temp.url.appendingPathComponent("Out/site/changed.html"), encoding: .utf8) == "old text")
        try output.commit(staging)
        #expect(try String(contentsOf: temp.url.appendingPathComponent("Out/site/same.html"), encoding: .utf8) == "same")
        #expect(try String(contentsOf: temp.url.appendingPathComponent("Out/site/changed.html"), encoding: .utf8) == "new text")
        #expect(links("Out/site/same.html") == 1)
        #expect(temp.entries() == ["Out"])
    }

    @Test func aForeignOrUnmarkedPreviousOutputIsNeverLinked() throws {
        let temp = try TemporaryFolder()
        defer { temp.remove() }
        let output = OutputFolder(url: temp.url.appendingPathComponent("Out"), displayPath: "Out")
        try FileManager.default.createDirectory(at: output.url, withIntermediateDirectories: true)
        let staging = try output.makeStaging()
        #expect(staging.previous == nil)
        output.discard(staging)
    }
}
