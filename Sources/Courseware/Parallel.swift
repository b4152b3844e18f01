import Dispatch

extension Array where Element: Sendable {
    /// `map` on all cores: lessons are independent, so parsing and rendering them in
    /// parallel is what makes a large course build fast. Results keep the input order.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) throws -> T) throws -> [T] {
        guard count > 1 else { return try map(transform) }
        let slots = ResultSlots<T>(count: count)
        let input = self
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.set(index, Result { try transform(input[index]) })
        }
        return try slots.results()
    }

    /// `parallelMap` for transforms that cannot fail.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        // The throwing version only rethrows what `transform` throws, and it throws nothing.
        try! parallelMap { (element: Element) throws -> T in transform(element) }
    }
}

/// One result slot per index. Each index is written by exactly one iteration of
/// `concurrentPerform` and read only after it returns, so no two threads touch one slot.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private var storage: UnsafeMutableBufferPointer<Result<T, Error>?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func set(_ index: Int, _ result: Result<T, Error>) { storage[index] = result }

    func results() throws -> [T] { try storage.map { try $0!.get() } }
}
