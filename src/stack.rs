//! Recursion as deep as the input: a hostile file nests JSON a million levels deep, a broken
//! description chains units as deep, and the code that follows them recurses. [`grow`] runs a
//! step on a new stack segment when the current one is nearly used up, so that depth costs
//! memory, never a stack overflow, on whatever thread the library is called from. It is public
//! for the library's clients too: serialising a chain of command nests as deep as the chain.

/// How much stack must be left to run a step without growing it.
const RED_ZONE: usize = 256 * 1024;

/// How much stack each new segment holds.
const SEGMENT: usize = 8 * 1024 * 1024;

/// Runs `step`, on a new stack segment of 8 MiB if less than 256 KiB of stack is left.
pub fn grow<R>(step: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(RED_ZONE, SEGMENT, step)
}
